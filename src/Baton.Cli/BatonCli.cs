using System.CommandLine;
using System.CommandLine.Parsing;
using Baton.Cli.Commands;

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
        CliErrors.Json = WantsJson(parse);
        var errors = parse.Errors.Select(e => e.Message).Concat(UnknownOptions.Find(parse)).Distinct().ToList();
        if (errors.Count > 0)
        {
            var message = errors.Count == 1 ? errors[0] : string.Join(" ", errors);
            var help = UnknownOptions.CommandPath(parse) is { Length: > 0 } path ? $"baton {path} --help" : "baton --help";
            return CliErrors.Report(new CliError("usage", $"{message} Run '{help}' for usage."));
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }

    /// <summary>True when the command has --json and it was given (before any '--').</summary>
    private static bool WantsJson(ParseResult parse)
        => parse.CommandResult.Command.Options.Any(o => o.Name == "--json")
            && parse.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash).Any(t => t.Value == "--json");
}
