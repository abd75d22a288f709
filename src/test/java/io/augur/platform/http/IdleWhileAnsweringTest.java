package io.augur.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The idle timeout closes silent clients, not connections whose complete request the server is still answering:
 * the idle events reach Vert.x (which closes the connection) while a request is half-sent or the connection sits
 * between requests, and are swallowed from the request's last byte to the response's last part. Replays the
 * messages of one upload through the handler in an embedded channel; the recorder stands for Vert.x's handler.
 */
class IdleWhileAnsweringTest {

    private final List<Object> idleEventsSeen = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new IdleWhileAnswering.Handler(),
            new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    idleEventsSeen.add(evt);
                }
            });

    private int idle() {
        int before = idleEventsSeen.size();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        return idleEventsSeen.size() - before;
    }

    @Test
    void aStreamingUploadAndAFinishedExchangeCanBeIdleAnAnswerInTheMakingCannot() {
        assertEquals(1, idle(), "a fresh connection with no request is idle");
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/arenas/x/battles/file"));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
        assertEquals(1, idle(), "a half-sent request (slow-loris) is still closed at the timeout");
        channel.writeInbound(new DefaultLastHttpContent());
        assertEquals(0, idle(), "the request has arrived: the server is answering, the connection is not idle");
        assertEquals(0, idle(), "every idle period while answering");
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.writeOutbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {4})));
        assertEquals(0, idle(), "a response still being written");
        channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(1, idle(), "answered: a silent connection between requests is idle again");
        // the next request on the same connection
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/arenas"));
        channel.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(0, idle());
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        assertEquals(1, idle());
        // answered before its body has all arrived (a 401 or 413): the rest of the body does not make it answering
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/arenas/x/battles/file"));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED));
        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {5})));
        channel.writeInbound(new DefaultLastHttpContent());
        assertEquals(1, idle(), "a connection answered early is idle once silent");
        assertTrue(channel.isOpen());
        channel.finishAndReleaseAll();
        assertFalse(channel.isOpen());
    }
}
