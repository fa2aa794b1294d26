package lakehouse.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Free TCP ports on 127.0.0.1, for servers that cannot bind port 0 themselves. Between choosing a port
 * here and the server binding it, another run on the machine may take it: such a server tries again
 * on fresh ports, up to {@link #ATTEMPTS} times, when its start failed while one of its ports is taken.
 */
public final class FreePort {
  public static final String LOOPBACK = "127.0.0.1";
  static final int ATTEMPTS = 3;

  private FreePort() {}

  /** After a failed start: whether another process holds one of its ports now, so other ports may do. */
  static boolean anyTaken(List<Integer> ports) {
    return ports.stream().anyMatch(port -> !isFree(port));
  }

  static void announceRetry(String component, List<Integer> ports) {
    System.out.println("[lakehouse]   " + component + ": another process took one of the ports " + ports
        + " before it could bind it; starting again on other ports");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName(LOOPBACK))) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  public static int next() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + LOOPBACK, e);
    }
  }
}
