namespace Baton.AI.Tests.Telemetry;

/// <summary>A clock whose timestamps move only when a test says so (Baton.Testing's clock moves the time of day, not timestamps).</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan delta) => Interlocked.Add(ref _ticks, delta.Ticks);
}
