using System.CommandLine;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Definitions;

namespace Baton.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Workflow files to check; a file named baton.yaml is checked as a project config.", Arity = ArgumentArity.OneOrMore }.NotBlank();
        var json = CommonOptions.Json();
        var command = new Command("validate", "Check workflow files (and baton.yaml project configs) and report every error as FILE:LINE:COL: error BATONnnn: message. Exit 0 valid, 2 errors.")
        {
            files, json,
        };
        command.SetAction(parse =>
        {
            var compiler = CliModels.Compiler();
            var results = parse.GetValue(files)!.Select(f => (File: f, Result: Check(compiler, f))).ToList();
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
                    if (IsProjectFile(file) && result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error))
                    {
                        terminal.Line($"{terminal.Green("valid")} {file}: project config");
                    }
                    else if (result.Definition is { } definition)
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

            return results.All(r => Valid(r.File, r.Result)) ? ExitCodes.Success : ExitCodes.Usage;
        });
        return command;
    }

    private static bool IsProjectFile(string file) => Path.GetFileName(file) == WorkflowCompiler.ProjectFileName;

    /// <summary>A workflow compiles to a definition; a project config has no definition of its own, only diagnostics.</summary>
    private static CompilationResult Check(WorkflowCompiler compiler, string file)
        => IsProjectFile(file) ? new CompilationResult(null, compiler.CheckProjectFile(file)) : compiler.CompileFile(file);

    private static bool Valid(string file, CompilationResult result)
        => IsProjectFile(file) ? result.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error) : result.Success;

    private static JsonObject ToJson(string file, CompilationResult result) => new()
    {
        ["file"] = file,
        ["kind"] = IsProjectFile(file) ? "project" : "workflow",
        ["valid"] = Valid(file, result),
        ["workflow"] = result.Definition?.Name,
        ["definitionHash"] = result.Definition?.Hash,
        ["diagnostics"] = new JsonArray([.. result.Diagnostics.Select(d => (JsonNode)CliErrors.DiagnosticJson(d))]),
    };
}
