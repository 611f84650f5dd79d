package rs.greenvoucher.core;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Every rule that uses "today" takes this clock; tests replace it. {@code gv.clock.offset} (GV_CLOCK_OFFSET, an ISO
 * duration such as P15D) runs core that far ahead, so that a demo or a system test can see what the deadlines do in two
 * weeks, on a real process it may kill (docs/adr/0029). Unset, it is the time of day, as in production.
 */
@Configuration
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${gv.clock.offset:}") String offset) {
        return offset.isBlank() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), Duration.parse(offset));
    }
}
