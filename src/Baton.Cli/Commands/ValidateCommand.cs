using System.CommandLine;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Definitions;

namespace Baton.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Workflow files to check.", Arity = ArgumentArity.OneOrMore }.NotBlank();
        var json = CommonOptions.Json();
        var command = new Command("validate", "Check workflow files and report every error as FILE:LINE:COL: error BATONnnn: message. Exit 0 valid, 2 errors.")
        {
            files, json,
        };
        command.SetAction(parse =>
        {
            var compiler = CliModels.Compiler();
            var results = parse.GetValue(files)!.Select(f => (File: f, Result: compiler.CompileFile(f))).ToList();
            var terminal = Terminal.Stdout;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(terminal.Writer, new JsonArray([.. results.Select(r => (JsonNode)ToJson(r.File, r.Result))]));
            }
            else
            {
                foreach (var (file, result) in results)
                {
                    CliErrors.PrintDiagnostics(terminal, result.Diagnostics);
                    if (result.Definition is { } definition)
                    {
                        var steps = definition.Steps.Descendants().Count();
                        terminal.Line($"{terminal.Green("valid")} {file}: workflow '{definition.Name}', {steps} step(s), definition {definition.Hash[..12]}");
                    }
                    else
                    {
                        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                        terminal.Line($"{terminal.Red("invalid")} {file}: {errors} error(s)");
                    }
                }
            }

            return results.All(r => r.Result.Success) ? ExitCodes.Success : ExitCodes.Usage;
        });
        return command;
    }

    private static JsonObject ToJson(string file, CompilationResult result) => new()
    {
        ["file"] = file,
        ["valid"] = result.Success,
        ["workflow"] = result.Definition?.Name,
        ["definitionHash"] = result.Definition?.Hash,
        ["diagnostics"] = new JsonArray([.. result.Diagnostics.Select(d => (JsonNode)CliErrors.DiagnosticJson(d))]),
    };
}
