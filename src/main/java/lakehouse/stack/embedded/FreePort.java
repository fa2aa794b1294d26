package lakehouse.stack.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
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
    return next(1).get(0);
  }

  /**
   * {@code count} different free ports. Each is held until all are chosen: ports chosen one after the other
   * can be the same one (it happened in CI: a broker given one port for both of its listeners).
   */
  public static List<Integer> next(int count) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK));
        held.add(socket);
        socket.setReuseAddress(true);
      }
      return held.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + LOOPBACK, e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a listening socket that accepted nothing
        }
      }
    }
  }
}
