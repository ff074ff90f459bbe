using System.Diagnostics;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Core.Tests.Steps;

public sealed class RunStepExecutorCancellationTests : IDisposable
{
    private readonly RunStepExecutor _executor = new();
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExecuteAsync_Cancelled_KillsTheWholeProcessTree()
    {
        // tree.sh -> sh -c -> sleep: the sleep is a great-grandchild of the test. The FIFO is the "tree is up" signal.
        var fifo = Path.Combine(_dir.Path, "ready.fifo");
        MakeFifo(fifo);
        _dir.WriteScript("tree.sh", """
            sh -c 'sleep 600 & echo $! > descendant.pid; echo up > ready.fifo; wait' &
            wait
            """);
        using var cancellation = new CancellationTokenSource();
        var context = new TestStepContext(new JsonObject { ["command"] = "./tree.sh" }) { WorkingDirectoryPath = _dir.Path };

        var execution = _executor.ExecuteAsync(context, cancellation.Token).AsTask();
        var ready = Task.Run(() => File.ReadAllText(fifo));
        try
        {
            var first = await Task.WhenAny(ready, execution).Within("waiting for the process tree to start");
            first.Should().BeSameAs(ready, "the step must still be running when the tree is up");
        }
        finally
        {
            if (!ready.IsCompleted)
            {
                // Opening the FIFO for writing releases the reader blocked in open().
                await File.WriteAllTextAsync(fifo, "");
            }
        }

        var descendant = int.Parse(await File.ReadAllTextAsync(Path.Combine(_dir.Path, "descendant.pid")), System.Globalization.CultureInfo.InvariantCulture);
        IsRunning(descendant).Should().BeTrue("the descendant runs until the step is cancelled");

        try
        {
            await cancellation.CancelAsync();

            await FluentActions.Awaiting(() => execution.Within("waiting for the cancelled step to end"))
                .Should().ThrowAsync<OperationCanceledException>();
            await TaskTimeouts.WaitUntil(() => !IsRunning(descendant), "waiting for the killed descendant to die");
        }
        finally
        {
            KillLeftover(descendant);
        }
    }

    [Fact]
    public async Task ExecuteAsync_TokenAlreadyCancelled_DoesNotStartTheProcess()
    {
        _dir.WriteScript("mark.sh", "touch started");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var context = new TestStepContext(new JsonObject { ["command"] = "./mark.sh" }) { WorkingDirectoryPath = _dir.Path };

        await FluentActions.Awaiting(() => _executor.ExecuteAsync(context, cancellation.Token).Within("running with a cancelled token"))
            .Should().ThrowAsync<OperationCanceledException>();
        File.Exists(Path.Combine(_dir.Path, "started")).Should().BeFalse();
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
    }

    /// <summary>When the assertion fails, the test still must not leave a 10-minute sleep behind.</summary>
    internal static void KillLeftover(int pid)
    {
        if (!IsRunning(pid))
        {
            return;
        }

        try
        {
            using var leftover = Process.GetProcessById(pid);
            leftover.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    /// <summary>Whether the process exists and is not a zombie (an exited process not yet reaped counts as dead).</summary>
    internal static bool IsRunning(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        // Format: "pid (comm) S ...": the state follows the last ')', since comm may itself hold parentheses.
        var state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }
}
