package io.augur.platform.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket, for requests no HTTP client will send (malformed, smuggling, half-sent). */
final class RawHttp {

    /** What the server sent back, up to its closing the connection or 10 s of silence (marked). */
    static final String STILL_OPEN = "\n<<connection still open>>";

    private RawHttp() {
    }

    static Socket open(URL base) throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    static String exchange(URL base, String request) throws IOException {
        try (Socket s = open(base)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return readAll(s.getInputStream());
        }
    }

    /** Everything until end of stream; on a read timeout the text read so far plus {@link #STILL_OPEN}. */
    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return out.toString(StandardCharsets.ISO_8859_1) + STILL_OPEN;
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
