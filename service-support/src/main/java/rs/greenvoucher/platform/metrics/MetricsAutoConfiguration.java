package rs.greenvoucher.platform.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;


/**
 * What every service gives the operator's Prometheus (docs/operations.md): the scrape behind its token, and, in a
 * service with Axon processors, their lag. The conventions (HTTP, JVM, Hikari, Kafka clients,
 * Axon's own) come from Spring Boot's and Axon's Micrometer support; each service binds its own figures beside these.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration","org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration"})
public class MetricsAutoConfiguration {

    @Bean
    FilterRegistrationBean<ScrapeGuard> scrapeGuard(@Value("${gv.metrics.scrape-token:}") String token) {
        FilterRegistrationBean<ScrapeGuard> registration = new FilterRegistrationBean<>(new ScrapeGuard(token));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(ScrapeGuard.PATH, ScrapeGuard.PATH + "/*");
        return registration;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBean(org.springframework.kafka.core.KafkaAdmin.class)
    DeadLetterTopicMetrics gvDeadLetterTopicMetrics(org.springframework.kafka.core.KafkaAdmin kafka) {
        return new DeadLetterTopicMetrics(kafka.getConfigurationProperties());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EventProcessingConfiguration.class)
    @ConditionalOnBean(EventProcessingConfiguration.class)
    static class Processors {

        @Bean
        MeterBinder gvProcessorMetrics(EventProcessingConfiguration processing, EventStore events) {
            return new ProcessorMetrics(processing, events);
        }
    }
}
