package lakehouse.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerCredentialsTest {

  @Test
  void everyRunGetsNewSecretsLongEnoughForMinio() {
    ContainerCredentials first = ContainerCredentials.generate();
    ContainerCredentials second = ContainerCredentials.generate();

    assertThat(first.polarisClientSecret()).isNotEqualTo(second.polarisClientSecret());
    assertThat(first.secrets()).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(8).matches("[0-9a-f]+"));
    assertThat(first.polarisClientId()).isEqualTo("root");
  }

  @Test
  void toStringPrintsNoSecret() {
    ContainerCredentials credentials = ContainerCredentials.generate();

    assertThat(credentials.toString()).doesNotContain(credentials.secrets()).contains("****");
  }
}
