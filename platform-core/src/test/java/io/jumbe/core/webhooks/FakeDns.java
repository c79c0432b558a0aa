package io.jumbe.core.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A resolver playing DNS in tests: names answer what the test says, in turn (the last answer repeats). */
final class FakeDns implements HostResolver {

    private final Map<String, List<List<InetAddress>>> answers = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    FakeDns answer(String host, String... addresses) {
        List<InetAddress> parsed = new ArrayList<>();
        for (String address : addresses) {
            try {
                parsed.add(InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
        answers.computeIfAbsent(host, h -> new ArrayList<>()).add(parsed);
        return this;
    }

    synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        asked.add(host);
        List<List<InetAddress>> queue = answers.get(host);
        if (queue == null) {
            throw new UnknownHostException(host);
        }
        return queue.size() > 1 ? queue.remove(0) : queue.get(0);
    }
}
