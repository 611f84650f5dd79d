package rs.greenvoucher.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import rs.greenvoucher.platform.web.ApiExceptionHandler;
import rs.greenvoucher.platform.web.RequestSizeLimitFilter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** What every Green Voucher service gets by depending on service-support. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@org.springframework.context.annotation.Import(PlatformKafkaConfiguration.class)
public class PlatformAutoConfiguration {

    /**
     * A number where the API says text ({"name": 123}) is refused with 400 naming the field, not silently turned into
     * "123", and text where it says a number or a boolean likewise: what a request may carry is what its OpenAPI
     * schema says (the tests check every exchange against it).
     */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer noNumbersAsText() {
        return builder -> builder
                // a date is its ISO text, never a number of days since 1970, and never 30 February
                .defaultLeniency(false)
                .addModule(rs.greenvoucher.platform.web.IsoDates.module())
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // and no text where the API says number or true/false ({"requestedVoucherEur": "12000"})
                // (an empty text is no number or true/false either: {"step": ""} is refused, not read as absent)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)) // 42.7 employees is not 42
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /** The trace context where Spring does not carry it (Axon's metadata, batch listeners, outbox rows). */
    @Bean
    rs.greenvoucher.platform.tracing.Traces traces(org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                                                 org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        return new rs.greenvoucher.platform.tracing.Traces(tracer.getIfAvailable(() -> io.micrometer.tracing.Tracer.NOOP),
                propagator.getIfAvailable(() -> io.micrometer.tracing.propagation.Propagator.NOOP));
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    /** Every refusal is problem+json: the container's /error, Tomcat's own error page and the security firewall's. */
    @Bean
    rs.greenvoucher.platform.web.errors.ProblemErrorController problemErrorController() {
        return new rs.greenvoucher.platform.web.errors.ProblemErrorController();
    }

    @Bean
    rs.greenvoucher.platform.web.errors.RequestRejectedProblem requestRejectedProblem() {
        return new rs.greenvoucher.platform.web.errors.RequestRejectedProblem();
    }

    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> context.getParent().getPipeline()
                .addValve(new rs.greenvoucher.platform.web.errors.ProblemErrorReportValve()));
    }

    /** Hostile text, numbers and lists in JSON bodies are refused before binding (InputRules). */
    @Bean
    rs.greenvoucher.platform.web.input.JsonBodyGuard jsonBodyGuard() {
        return new rs.greenvoucher.platform.web.input.JsonBodyGuard();
    }

    @Bean
    FilterRegistrationBean<rs.greenvoucher.platform.web.input.QueryParameterGuard> queryParameterGuard() {
        FilterRegistrationBean<rs.greenvoucher.platform.web.input.QueryParameterGuard> registration =
                new FilterRegistrationBean<>(new rs.greenvoucher.platform.web.input.QueryParameterGuard());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Token buckets in the service's own PostgreSQL (table throttle_bucket, in each service's migrations). */
    @Bean
    rs.greenvoucher.platform.throttling.Throttle throttle(javax.sql.DataSource dataSource) {
        return new rs.greenvoucher.platform.throttling.Throttle(dataSource);
    }

    /** Anonymous requests per client address, and the rules a service declares as ThrottleRule beans. */
    @Bean
    FilterRegistrationBean<rs.greenvoucher.platform.throttling.ThrottleFilter> throttleFilter(
            rs.greenvoucher.platform.throttling.Throttle throttle,
            @org.springframework.beans.factory.annotation.Value("${gv.throttle.anonymous-per-address:300/PT1M}") String anonymous,
            org.springframework.beans.factory.ObjectProvider<rs.greenvoucher.platform.throttling.ThrottleRule> rules) {
        FilterRegistrationBean<rs.greenvoucher.platform.throttling.ThrottleFilter> registration = new FilterRegistrationBean<>(
                new rs.greenvoucher.platform.throttling.ThrottleFilter(throttle,
                        rs.greenvoucher.platform.throttling.Throttle.Limit.parse(anonymous), rules.orderedStream().toList()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter() {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
