package io.prepline.answer;

import io.prepline.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every {@code @QuarkusTest} of this module runs against the real PostgreSQL and Kafka of the shared dev stack. */
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "answers"))
public final class TestStack {

    private TestStack() {
    }
}
