package rs.greenvoucher.platform.faults;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that can succeed later (a database, broker or mail server that is down, slow or busy) from one
 * that never will (a message or event nothing can apply). The first is retried without limit, with back-off; only
 * the second is parked (a dead letter) with its reason. One definition for every consumer and processor.
 */
public final class Transience {

    private Transience() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryLater) {
                return true;
            }
            if (t instanceof SQLException sql && transientSqlState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.equals("org.springframework.dao.TransientDataAccessResourceException")
                    || name.equals("org.springframework.dao.DataAccessResourceFailureException")
                    || name.equals("org.springframework.jdbc.CannotGetJdbcConnectionException")
                    || name.equals("org.springframework.dao.RecoverableDataAccessException")
                    || name.equals("org.springframework.dao.QueryTimeoutException")
                    || name.equals("org.springframework.dao.PessimisticLockingFailureException")
                    || name.equals("org.springframework.dao.CannotAcquireLockException")
                    || name.equals("org.springframework.transaction.CannotCreateTransactionException")
                    || name.equals("com.zaxxer.hikari.pool.HikariPool$PoolInitializationException")
                    || name.equals("org.apache.kafka.common.errors.TimeoutException")
                    || name.equals("org.springframework.kafka.KafkaException") && t.getCause() instanceof TimeoutException) {
                return true;
            }
            if (isKafkaRetriable(t)) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's classes for "try again": connection (08), resources (53), shutdown (57P), serialization (40). */
    private static boolean transientSqlState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01"));
    }

    private static boolean isKafkaRetriable(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.apache.kafka.common.errors.RetriableException")) {
                return true;
            }
        }
        return false;
    }
}
