namespace Baton.Engine;

/// <summary>
/// This engine's claim to drive one run: at most one drive per run per engine, whatever calls for it (the worker, a
/// start, an approval, a signal). A second caller pokes the drive that holds the run instead of starting another.
/// </summary>
internal sealed class DriveSlot
{
    private readonly TaskCompletionSource<RunDriver?> _driver = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Attach(RunDriver driver) => _driver.TrySetResult(driver);

    /// <summary>Called once the drive is over and the slot is out of the table: wakes everyone who poked it.</summary>
    public void Finish()
    {
        if (!_driver.TrySetResult(null) && _driver.Task.Result is { } driver)
        {
            driver.End();
        }
    }

    /// <summary>Makes the drive look at newly stored signals. True once it has; false when the drive ended first.</summary>
    public async Task<bool> PokeAsync()
    {
        var driver = await _driver.Task.ConfigureAwait(false);
        return driver is not null && await driver.PokeAsync().ConfigureAwait(false);
    }
}
