package rs.greenvoucher.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The portal: pages rendered on the server, a client of the three services' public APIs with the signed-in
 * person's token kept in the server-side session. It has no database and writes no business data itself.
 */
@SpringBootApplication
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
