using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Baton.Cli.Tests.Support;

/// <summary>Runs the real <c>baton</c> CLI as a child process (the build output next to the tests), with its own store.</summary>
internal sealed class CliRunner : IDisposable
{
    /// <summary>The repository's root, found from the test binaries, so tests can run the real examples.</summary>
    public static readonly string RepositoryRoot = FindRoot();

    /// <summary>
    /// The CLI's own build output (same configuration as the tests), not the copy next to the tests: that copy lacks the
    /// assemblies the tests take from the ASP.NET shared framework.
    /// </summary>
    private static readonly string BatonDll = FindBaton();

    public CliRunner()
    {
        Directory = Path.Combine(Path.GetTempPath(), "baton-cli-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(Directory);
        StorePath = Path.Combine(Directory, "store.db");
        Environment["BATON_STORE"] = StorePath;
        Environment["BATON_SECRETS_FILE"] = Path.Combine(Directory, "secrets.json");
        Environment["NO_COLOR"] = "1";
    }

    public string Directory { get; }

    public string StorePath { get; }

    /// <summary>Variables set for every command this runner starts.</summary>
    public Dictionary<string, string> Environment { get; } = [];


    public string Write(string file, string text)
    {
        var path = Path.Combine(Directory, file);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public Task<CliResult> RunAsync(params string[] args) => WaitAsync(Start(args), args);

    /// <summary>Runs any program to its end, for examples that are their own executables.</summary>
    public static Task<CliResult> RunProcessAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return WaitAsync(Process.Start(info)!, args);
    }

    private static async Task<CliResult> WaitAsync(Process started, string[] args)
    {
        using var process = started;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not exit within 120 s. Output so far: {await stdout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr, args);
    }

    /// <summary>Starts a command without waiting for it, for tests that kill it.</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(BatonDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindBaton()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot, "src", "Baton.Cli", "bin", configuration, "net10.0", "baton.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The CLI build '{path}' is missing; build the solution first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Baton.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Baton.slnx) was not found above the test binaries.");
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr, string[] Args)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("The command printed 'null'.");

    /// <summary>The step with the given id in a <c>--json</c> run or show result.</summary>
    public JsonNode Step(string id) => Json["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == id)!;

    public override string ToString() => $"baton {string.Join(' ', Args)} => exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
