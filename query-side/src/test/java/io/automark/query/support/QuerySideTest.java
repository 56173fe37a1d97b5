package io.automark.query.support;

import io.automark.query.QuerySideApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query side as it runs, against the embedded MongoDB server. Every test class shares one context; tests keep
 * apart by using their own workspace and ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QuerySideApplication.class, properties = "automark.query.read-your-writes.timeout=2s")
@ActiveProfiles(QuerySideApplication.PROFILE)
@ContextConfiguration(initializers = EmbeddedMongo.class)
@AutoConfigureMockMvc
public @interface QuerySideTest {
}
