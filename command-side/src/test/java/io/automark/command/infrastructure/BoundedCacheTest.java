package io.automark.command.infrastructure;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedCacheTest {

    @Test
    void holdsWhatWasPutUntilItIsRemoved() {
        BoundedCache cache = new BoundedCache(10);

        cache.put("a", "first");
        boolean replaced = cache.putIfAbsent("a", "second");

        assertThat(replaced).isFalse();
        assertThat(cache.<String, String>get("a")).isEqualTo("first");
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.<String, String>get("a")).isNull();
    }

    @Test
    void keepsNoMoreThanItsSizeAndTellsItsListenersWhatWentOut() {
        BoundedCache cache = new BoundedCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });

        for (int n = 0; n < 5; n++) {
            cache.put("k" + n, n);
        }

        long held = List.of("k0", "k1", "k2", "k3", "k4").stream().filter(cache::containsKey).count();
        assertThat(held).isEqualTo(2);
        assertThat(expired).hasSize(3);
    }
}
