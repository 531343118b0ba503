package io.ghlcredly.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesTest {
  private final Pages pages = new Pages();

  @Test
  void escapesEveryValueItWrites() {
    String html =
        pages.render(
            "login",
            Map.of(
                "problem", "<script>alert('x')</script>\" onload=\"x",
                "email", "",
                "noOperators", false));

    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("\" onload=\"")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onload=&quot;x");
  }

  @Test
  void drawsOneBarPerMinuteScaledToTheLargestValue() {
    SvgBars.Chart chart =
        SvgBars.of(
            List.of(
                new AdminViews.Minute("2026-11-30T08:00:00Z", 4, 4, 10L, 20L),
                new AdminViews.Minute("2026-11-30T08:01:00Z", 2, 1, null, null)),
            AdminViews.Minute::received,
            " events");

    assertThat(chart.max()).isEqualTo(4);
    assertThat(chart.bars())
        .extracting(SvgBars.Bar::height)
        .containsExactly(SvgBars.HEIGHT, SvgBars.HEIGHT / 2);
    assertThat(chart.bars().get(1).title()).isEqualTo("08:01 UTC: 2 events");
  }
}
