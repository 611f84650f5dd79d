package rs.greenvoucher.web.track;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import rs.greenvoucher.web.portal.PassedOnFile;
import rs.greenvoucher.web.portal.ServiceApi.Service;
import rs.greenvoucher.web.portal.ServiceApi;

import java.util.UUID;

/** A document of an application, opened by its applicant or by the staff who judge it: core decides who may. */
@Controller
record DocumentFiles(ServiceApi api) {

    @GetMapping("/applications/{id}/documents/{document}")
    ResponseEntity<byte[]> open(@PathVariable UUID id, @PathVariable UUID document) {
        return PassedOnFile.of(api.file(Service.CORE, "/api/applications/" + id + "/documents/" + document + "/content"));
    }
}
