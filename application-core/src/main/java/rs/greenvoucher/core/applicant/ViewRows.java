package rs.greenvoucher.core.applicant;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import rs.greenvoucher.platform.axon.ProjectionWrites;
import rs.greenvoucher.platform.privacy.PersonalJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

/** The applicant view's rows in application_view: read for update, and stored each only over an older state of itself. */
@org.springframework.stereotype.Component
record ViewRows(ProjectionWrites writes, JdbcClient jdbc, JsonMapper json) {

    /**
     * The stored row, its document read with every number exactly as stored (10800.00 stays 10800.00): a document
     * changed in memory within a batch and one read back between events must come out the same.
     */
    ViewRow load(UUID id) {
        return jdbc.sql("""
                        select tracking_code, applicant_id, enterprise_mb, enterprise_name, status, call_id, submitted_at,
                            updated_at, doc::text as doc, last_sequence
                        from application_view where id = :id for update""")
                .param("id", id)
                .query((rs, n) -> new ViewRow(id, rs.getString("tracking_code"), rs.getString("applicant_id"), rs.getString("enterprise_mb"),
                        rs.getString("enterprise_name"), rs.getString("status"), rs.getObject("call_id", UUID.class),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        (ObjectNode) PersonalJson.EXACT.readTree(rs.getString("doc")), rs.getLong("last_sequence")))
                .optional().orElse(null);
    }

    /** Stores rows, each only over an older state of itself (a row stored by another instance further on stays). */
    void store(Map<UUID, ViewRow> rows) {
        for (ViewRow row : rows.values()) {
            writes.update(row.id, """
                            insert into application_view (id, tracking_code, applicant_id, enterprise_mb, enterprise_name, status,
                                call_id, submitted_at, updated_at, doc, last_sequence)
                            values (:id, :code, :applicant, :mb, :name, :status, :call, :submitted, :updated, cast(:doc as jsonb), :sequence)
                            on conflict (id) do update set enterprise_name = excluded.enterprise_name, status = excluded.status,
                                updated_at = excluded.updated_at, doc = excluded.doc, last_sequence = excluded.last_sequence
                            where application_view.last_sequence < excluded.last_sequence""",
                    new MapSqlParameterSource("id", row.id).addValue("code", row.trackingCode).addValue("applicant", row.applicantId)
                            .addValue("mb", row.mb).addValue("name", row.enterpriseName).addValue("status", row.status)
                            .addValue("call", row.callId).addValue("submitted", Timestamp.from(row.submittedAt))
                            .addValue("updated", Timestamp.from(row.updatedAt)).addValue("doc", json.writeValueAsString(row.doc))
                            .addValue("sequence", row.lastSequence));
        }
    }
}
