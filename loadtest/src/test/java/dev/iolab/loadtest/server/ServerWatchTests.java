package dev.iolab.loadtest.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server's count of a window is a difference of two answered scrapes, never a total since start. */
class ServerWatchTests {

    static PrometheusText scrape(long requests) {
        return PrometheusText.parse(
                "http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/echo\"} " + requests + "\n");
    }

    @Test
    void theCountIsTheDifferenceOfTwoAnsweredScrapes() {
        assertThat(ServerWatch.requestsBetween(scrape(800_000), scrape(802_495)))
                .isEqualTo(2_495L);
    }

    @Test
    void anUnansweredScrapeGivesNoCountRatherThanTheTotalSinceStart() {
        // the c10k run of 2026-12-03: plain-busypoll did not answer the first scrape within 10 s while holding
        // 10,000 connections, and its row showed 803,087 requests (every request since start) for 2,495 sent
        assertThat(ServerWatch.requestsBetween(PrometheusText.parse(""), scrape(803_087)))
                .isNull();
        assertThat(ServerWatch.requestsBetween(scrape(10), PrometheusText.parse("")))
                .isNull();
    }
}
