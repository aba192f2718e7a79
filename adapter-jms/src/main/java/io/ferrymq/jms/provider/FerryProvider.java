package io.ferrymq.jms.provider;

import io.ferrymq.engine.Capability;
import io.ferrymq.engine.Engine;
import io.ferrymq.engine.time.TimeSource;

import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * What the JMS objects made by one connection factory share: the engine (through its {@link EngineHandle}), the
 * factory's options, its destination names and its lease keeper.
 */
public final class FerryProvider {
    private final EngineHandle handle;
    private final ProviderOptions options;
    private final DestinationResolver destinations;
    private final LeaseKeeper leases;
    private final Set<Capability> capabilities;

    public FerryProvider(EngineHandle handle, ProviderOptions options) {
        this.handle = handle;
        this.options = options.complete();
        this.destinations = new DestinationResolver(handle.engine(), options);
        this.leases = new LeaseKeeper(handle.engine(), handle.time(), options.leaseSeconds());
        this.capabilities = handle.engine().capabilities();
    }

    public Engine engine() {
        return handle.engine();
    }

    public ProviderOptions options() {
        return options;
    }

    public TimeSource time() {
        return handle.time();
    }

    public DestinationResolver destinations() {
        return destinations;
    }

    public LeaseKeeper leases() {
        return leases;
    }

    public ActiveSubscriptions subscriptions() {
        return handle.subscriptions();
    }

    public ExecutorService dispatchThreads() {
        return handle.threads();
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }
}
