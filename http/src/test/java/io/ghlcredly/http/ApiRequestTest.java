package io.ghlcredly.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRequestTest {
  @Test
  void isLiveAndOutsideAnyRateBudgetUnlessTold() {
    ApiRequest request = ApiRequest.get("/contacts/c1");

    assertThat(request.rateKey()).isNull();
    assertThat(request.priority()).isEqualTo(RatePriority.LIVE);
  }

  @Test
  void keepsItsRateKeyAndPriorityThroughCopies() {
    ApiRequest request =
        ApiRequest.get("/contacts/c1")
            .withRateKey("loc-1")
            .withPriority(RatePriority.BULK)
            .withHeader("Version", "2021-07-28");

    assertThat(request.rateKey()).isEqualTo("loc-1");
    assertThat(request.priority()).isEqualTo(RatePriority.BULK);
    assertThat(request.headers()).containsEntry("Version", "2021-07-28");
  }
}
