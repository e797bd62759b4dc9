package io.prepline.platform.problem;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import io.prepline.platform.PlatformConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads a body sent without Content-Length (chunked) itself, counting its bytes, so that one larger than
 * the service's limit (prepline.http.max-body-bytes) is refused with the same 413 problem as an oversized Content-Length
 * (the HTTP layer would answer an empty 413). Nothing past the limit is kept, and the request never reaches a
 * resource. The rest of the body is read and dropped, so that a client which sends its whole body before reading
 * still gets the answer; past twice the limit the connection is closed.
 */
public class ChunkedBodyLimit {

    // a provider: filters are created before runtime configuration is available
    @Inject
    Provider<PlatformConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> readChunkedBody(ContainerRequestContext request, HttpServerRequest http) {
        String encoding = request.getHeaderString("Transfer-Encoding");
        if (encoding == null || !encoding.toLowerCase(Locale.ROOT).contains("chunked")
                || request.getHeaderString(HttpHeaders.CONTENT_LENGTH) != null || http.isEnded()) {
            return Uni.createFrom().nullItem();
        }
        long limit = config.get().http().maxBodyBytes();
        return Uni.createFrom().emitter(result -> {
            if ("100-continue".equalsIgnoreCase(request.getHeaderString("Expect"))) {
                http.response().writeContinue();
            }
            BodyReader reader = new BodyReader(request, http, limit, result);
            http.handler(reader);
            http.endHandler(ignored -> reader.ended());
            http.exceptionHandler(result::fail);
            http.resume();
        });
    }

    /** Called on the connection's event loop only. */
    private static final class BodyReader implements Handler<Buffer> {

        private final ContainerRequestContext request;
        private final HttpServerRequest http;
        private final long limit;
        private final UniEmitter<? super Response> result;
        private Buffer body = Buffer.buffer();
        private long received;

        BodyReader(ContainerRequestContext request, HttpServerRequest http, long limit,
                   UniEmitter<? super Response> result) {
            this.request = request;
            this.http = http;
            this.limit = limit;
            this.result = result;
        }

        @Override
        public void handle(Buffer chunk) {
            received += chunk.length();
            if (body != null && received <= limit) {
                body.appendBuffer(chunk);
            } else if (body != null) {
                body = null;
                result.complete(BodyLimitFilter.tooLarge(limit));
            } else if (received > 2 * limit) {
                http.connection().close();
            }
        }

        void ended() {
            if (body != null) {
                request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                result.complete(null);
            }
        }
    }
}
