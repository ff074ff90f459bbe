using System.Runtime.InteropServices;

namespace Baton.Cli;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM (how containers and service managers stop a process) into a cancellation
/// of the command, so that it stops cleanly: the steps in flight are stopped (a process's whole tree is killed), the
/// run is left for the next worker, and the command exits 130. A second signal ends the process at once.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    public Interruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            // The default handling: the process ends now, for a user who will not wait for the clean stop.
            return;
        }

        context.Cancel = true;

        // Off the signal's thread: the callbacks stop steps and kill process trees.
        _ = _cancellation.CancelAsync();
    }
}
