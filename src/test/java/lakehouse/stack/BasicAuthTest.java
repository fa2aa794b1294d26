package lakehouse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

  @Test
  void theUserInfoIsDecodedIntoTheHeaderAndLeftOutOfTheAddress() {
    URI url = URI.create("https://us%40er:pa+ss%3Aw%C3%B6rd@mirror.example:8443/simple/?x=1");

    assertThat(BasicAuth.header(url)).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("us@er:pa+ss:wörd".getBytes(StandardCharsets.UTF_8)));
    assertThat(BasicAuth.withoutUserInfo(url)).isEqualTo(URI.create("https://mirror.example:8443/simple/?x=1"));
  }

  @Test
  void aUrlWithoutUserInfoHasNoHeaderAndStaysAsItIs() {
    URI url = URI.create("http://127.0.0.1:8081");

    assertThat(BasicAuth.header(url)).isNull();
    assertThat(BasicAuth.withoutUserInfo(url)).isSameAs(url);
  }
}
