package lakehouse.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1, for servers that cannot bind port 0 themselves. */
final class FreePort {
  static final String LOOPBACK = "127.0.0.1";

  private FreePort() {}

  static int next() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + LOOPBACK, e);
    }
  }
}
