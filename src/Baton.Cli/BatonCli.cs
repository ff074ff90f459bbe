using System.CommandLine;
using Baton.Cli.Commands;
using Baton.Cli.Output;

namespace Baton.Cli;

/// <summary>The command line's entry point.</summary>
internal static class BatonCli
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Baton: durable, governed workflows. Write a process once in YAML; run it durably; see and steer every run.")
        {
            CommonOptions.Store,
            ValidateCommand.Create(),
            SchemaCommand.Create(),
            RunCommand.Create(),
            RunsCommand.Create(),
            ShowCommand.Create(),
            DecideCommand.Create(approve: true),
            DecideCommand.Create(approve: false),
            SignalCommand.Create(),
            CancelCommand.Create(),
            WorkerCommand.Create(),
            BenchCommand.Create(),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Terminal.Stderr.Line($"{Terminal.Stderr.Red("error:")} {error.Message}");
            }

            Terminal.Stderr.Line("Run 'baton --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }
}
