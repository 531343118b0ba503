package io.ghlcredly.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's first command, as a user runs it. */
class DemoIT {
  @Test
  void demoIssuesEachExpectedBadgeOnceAndExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = RootCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));

    int exit = commandLine.execute("demo", "--exit-after-scenario");

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("engine answered 200")
        .contains("engine answered 409")
        .contains("Credly answered 500 twice")
        .containsPattern(
            "demo summary: events received=4 badges issued=2 duplicates prevented=1 failures=0 result=OK");
  }
}
