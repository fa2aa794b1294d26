package lakehouse.stack.containers;

import lakehouse.stack.Secrets;

/**
 * OAuth2 client credentials Polaris generated for a principal. Polaris returns the secret only in
 * the create-principal (or rotate/reset) response, so this record is the one place it lives.
 * {@code toString()} prints the client id only.
 */
record PrincipalCredentials(String clientId, String clientSecret) {

  @Override
  public String toString() {
    return "PrincipalCredentials[clientId=" + clientId + ", clientSecret=" + Secrets.MASK + "]";
  }
}
