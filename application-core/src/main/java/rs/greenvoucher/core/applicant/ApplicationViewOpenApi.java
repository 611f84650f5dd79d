package rs.greenvoucher.core.applicant;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import rs.greenvoucher.platform.web.NullableReference;

/** An application's voucher, rejection, completion report and open request are each an object of their schema or null. */
@Configuration
class ApplicationViewOpenApi {

    @Bean
    OpenApiCustomizer nullableVoucher() {
        return NullableReference.of("ApplicationView", "voucher", "ApplicationVoucher", "null until approved");
    }

    @Bean
    OpenApiCustomizer nullableRejection() {
        return NullableReference.of("ApplicationView", "rejection", "ApplicationRejection", "null unless rejected");
    }

    @Bean
    OpenApiCustomizer nullableCompletionReport() {
        return NullableReference.of("ApplicationView", "completionReport", "CompletionReport", "null until reported");
    }

    @Bean
    OpenApiCustomizer nullableInformationRequest() {
        return NullableReference.of("ApplicationView", "informationRequest", "ApplicationInformationRequest",
                "the request for more information that waits for the applicant's reply (D3); null if none");
    }
}
