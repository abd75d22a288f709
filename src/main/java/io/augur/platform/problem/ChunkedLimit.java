package io.augur.platform.problem;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Counts the bytes of a chunked request body as the HTTP decoder hands them over, and stops the request
 * once they pass its limit: the rest of the body is dropped unread and {@code onExceeded} answers (413)
 * and closes the connection. A Content-Length body is refused before it is read (see {@link BodyLimit});
 * a chunked one announces no size, so only counting can hold it to the same limit. The counter sits in
 * the connection's Netty pipeline just before Vert.x's request handler ({@code "handler"}, Vert.x 4's
 * internal name; reached through {@link ConnectionBase}); it is installed on the first chunked request of
 * a connection and re-armed by each following one.
 */
final class ChunkedLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(ChunkedLimit.class);
    private static final String NAME = "augur-chunked-limit";

    private long limit = -1;
    private long seen;
    private boolean dropping;
    private Runnable onExceeded;

    private ChunkedLimit() {
    }

    /** Holds the current request of {@code ctx} to {@code limit} body bytes. Runs on the connection's event loop. */
    static void watch(RoutingContext ctx, long limit, Runnable onExceeded) {
        if (!(ctx.request().connection() instanceof ConnectionBase connection)) {
            return;
        }
        ChannelPipeline pipeline = connection.channel().pipeline();
        ChunkedLimit counter = (ChunkedLimit) pipeline.get(NAME);
        if (counter == null) {
            if (pipeline.get("handler") == null) {
                LOG.debug("no Vert.x handler in the pipeline; chunked bodies are held only to the transport limit");
                return;
            }
            counter = new ChunkedLimit();
            pipeline.addBefore("handler", NAME, counter);
        }
        counter.limit = limit;
        counter.seen = 0;
        counter.dropping = false;
        counter.onExceeded = onExceeded;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            limit = -1;
            dropping = false;
            onExceeded = null;
        }
        if (msg instanceof HttpContent content && (limit >= 0 || dropping)) {
            if (dropping) {
                ReferenceCountUtil.release(msg);
                return;
            }
            seen += content.content().readableBytes();
            if (seen > limit) {
                dropping = !(msg instanceof LastHttpContent);
                limit = -1;
                ReferenceCountUtil.release(msg);
                Runnable answer = onExceeded;
                onExceeded = null;
                if (answer != null) {
                    answer.run();
                }
                return;
            }
            if (msg instanceof LastHttpContent) {
                limit = -1;
                onExceeded = null;
            }
        }
        super.channelRead(ctx, msg);
    }
}
