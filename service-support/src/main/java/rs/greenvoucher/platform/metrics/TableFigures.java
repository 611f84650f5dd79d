package rs.greenvoucher.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * A service's figures read from its own tables when scraped: each gauge one count (or sum) over an index, so a scrape
 * every 15 s costs a handful of index reads. Built by each service with the figures an operator alerts on.
 */
public final class TableFigures implements MeterBinder {

    private record Figure(String name, String description, String[] tags, String sql) {
    }

    private final JdbcClient jdbc;
    private final List<Figure> figures = new ArrayList<>();

    public TableFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A gauge {@code name} with {@code tags} (key, value, ...) whose value is {@code sql}'s one number. */
    public TableFigures figure(String name, String description, String sql, String... tags) {
        figures.add(new Figure(name, description, tags, sql));
        return this;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Figure f : figures) {
            Gauge.builder(f.name(), () -> read(f.sql())).tags(f.tags()).description(f.description()).register(registry);
        }
    }

    private double read(String sql) {
        Number value = jdbc.sql(sql).query(Number.class).optional().orElse(null);
        return value == null ? 0 : value.doubleValue();
    }
}
