package io.ghlcredly.web.operators;

import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashes ({@code $argon2id$v=19$m=16384,t=2,p=1$...}, Spring Security's defaults
 * since 5.8, on Bouncy Castle). A check against no hash costs as much as one against a real hash,
 * so that the time of a sign-in does not tell whether the email exists. Thread-safe.
 */
public final class PasswordHasher {
  private final PasswordEncoder encoder;
  // Checked when there is no hash to check against: same parameters, so the same cost.
  private final String decoy;

  public PasswordHasher() {
    this(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
  }

  PasswordHasher(PasswordEncoder encoder) {
    this.encoder = encoder;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.decoy = hash(Base64.getEncoder().encodeToString(random));
  }

  /** A new hash of the password, with a new random salt. */
  public String hash(String password) {
    String hash = encoder.encode(password);
    if (hash == null) {
      throw new IllegalStateException("the password encoder returned no hash");
    }
    return hash;
  }

  /**
   * Whether the password matches the hash; false for no hash, after the same work as for a hash.
   */
  public boolean matches(String password, @Nullable String hash) {
    boolean matches = encoder.matches(password, hash == null ? decoy : hash);
    return hash != null && matches;
  }
}
