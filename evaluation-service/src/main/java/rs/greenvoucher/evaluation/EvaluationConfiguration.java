package rs.greenvoucher.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration
@EnableScheduling
class EvaluationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
