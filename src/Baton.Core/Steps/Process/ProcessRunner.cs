using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Baton.Steps;

/// <summary>Runs one process to its end: feeds stdin, captures stdout and stderr at once, and kills the whole tree on cancellation.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// How long to keep reading after the process exits. A descendant that outlives it (a daemon started with
    /// <c>&amp;</c>) holds the pipes open; the step should not wait for it.
    /// </summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    /// <exception cref="StepFailedException">With code <c>run.start</c> when the process cannot be started.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled; the process tree has been killed first.</exception>
    public static async Task<ProcessResult> RunAsync(
        ProcessStartInfo startInfo, string command, string? stdin, int maxOutputBytes, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new StepFailedException(
                ErrorCodes.RunStart,
                $"The command '{command}' (resolved to '{startInfo.FileName}') could not be started: {ex.Message}.",
                retryable: false);
        }

        using var stopReading = new CancellationTokenSource();
        var stdout = OutputCapture.ReadAsync(process.StandardOutput.BaseStream, maxOutputBytes, stopReading.Token);
        var stderr = OutputCapture.ReadAsync(process.StandardError.BaseStream, maxOutputBytes, stopReading.Token);
        var input = WriteInputAsync(process.StandardInput, stdin, stopReading.Token);
        var streams = Task.WhenAll(stdout, stderr, input);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await streams.WaitAsync(DrainGrace, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A descendant still holds the pipes: keep what was read.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await stopReading.CancelAsync().ConfigureAwait(false);
            await streams.ConfigureAwait(false);
        }

        return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Writes the text and closes stdin, at once when there is none, so that a process reading it sees the end.</summary>
    private static async Task WriteInputAsync(StreamWriter input, string? text, CancellationToken stopToken)
    {
        try
        {
            if (text is not null)
            {
                await input.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(text), stopToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The process exited or closed its stdin without reading everything: that is its choice, not an error.
        }
        finally
        {
            try
            {
                input.Dispose();
            }
            catch (IOException)
            {
                // Same as above: the reading end is already gone.
            }
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or AggregateException or Win32Exception)
        {
            // The process (or a descendant) exited between the cancellation and the kill: nothing is left to stop.
        }
    }
}
