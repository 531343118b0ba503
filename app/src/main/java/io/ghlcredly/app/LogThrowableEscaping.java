package io.ghlcredly.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.jspecify.annotations.Nullable;

/**
 * {@code %escapedEx} in {@code logback.xml}: the stack trace as {@code %ex} prints it, but with the
 * messages of the exception, its causes and suppressed exceptions escaped like {@link
 * LogTextEscaping}. An exception message may quote text from outside (a provider's error message, a
 * malformed value), and a newline in it would otherwise start a forged line. The trace's own line
 * breaks stay: every one of its lines starts with a tab or {@code Caused by:}. Stateless.
 */
public final class LogThrowableEscaping extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy throwable) {
    return super.throwableProxyToString(new Escaped(throwable));
  }

  /** The throwable with its messages escaped, its causes wrapped alike. */
  private record Escaped(IThrowableProxy delegate) implements IThrowableProxy {
    @Override
    public @Nullable String getMessage() {
      return escapeNullable(delegate.getMessage());
    }

    @Override
    public @Nullable String getOverridingMessage() {
      return escapeNullable(delegate.getOverridingMessage());
    }

    @Override
    public String getClassName() {
      return delegate.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return delegate.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return delegate.getCommonFrames();
    }

    @Override
    public @Nullable IThrowableProxy getCause() {
      IThrowableProxy cause = delegate.getCause();
      return cause == null ? null : new Escaped(cause);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = delegate.getSuppressed();
      IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
      for (int i = 0; i < suppressed.length; i++) {
        escaped[i] = new Escaped(suppressed[i]);
      }
      return escaped;
    }

    @Override
    public boolean isCyclic() {
      return delegate.isCyclic();
    }

    private static @Nullable String escapeNullable(@Nullable String text) {
      return text == null ? null : LogTextEscaping.escape(text);
    }
  }
}
