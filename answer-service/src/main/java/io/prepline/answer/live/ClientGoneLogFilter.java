package io.prepline.answer.live;

import java.nio.channels.ClosedChannelException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;
import io.vertx.core.http.HttpClosedException;
import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * A client that goes away while its live-status stream is being written to (a closed tab, a dropped network) is
 * normal, but the HTTP layer reports it as an ERROR with a stack trace (RESTEasy's SSE handler) and a WARN with another
 * (Netty, failing the write's promise twice). Those two records are left out when the closed connection is their
 * cause, and one DEBUG line is logged instead; every other record passes, those two with any other cause too.
 * Set on the console handler ({@code quarkus.log.console.filter=client-gone}).
 */
@LoggingFilter(name = "client-gone")
public final class ClientGoneLogFilter implements Filter {

    static final String SSE_HANDLER = "org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler";
    static final String NETTY_CONTEXT = "io.netty.channel.AbstractChannelHandlerContext";
    private static final String PROMISE_FAILED_TWICE = "Failed to mark a promise as failure";
    private static final Logger LOG = Logger.getLogger(ClientGoneLogFilter.class);

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!clientGone(record)) {
            return true;
        }
        LOG.debug("live status: the client went away while an event was written");
        return false;
    }

    static boolean clientGone(LogRecord record) {
        if (SSE_HANDLER.equals(record.getLoggerName())) {
            return closedConnection(record.getThrown());
        }
        if (NETTY_CONTEXT.equals(record.getLoggerName())) {
            String message = message(record);
            return message != null && message.startsWith(PROMISE_FAILED_TWICE)
                    && message.contains(ClosedChannelException.class.getSimpleName());
        }
        return false;
    }

    /** Whether the failure, or one of its causes, is a connection the client closed. */
    static boolean closedConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }
}
