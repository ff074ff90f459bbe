using System.CommandLine;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Definitions;
using Baton.Engine;

namespace Baton.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The workflow file." }.NotBlank();
        var input = new Option<string[]>("--input", "-i") { Description = "An input as key=value; repeat for more. Values are JSON when they parse, unless the schema says string.", AllowMultipleArgumentsPerToken = false };
        var inputFile = new Option<string?>("--input-file") { Description = "A JSON file holding the inputs (at most 4 MiB); --input values override its keys." }.NotBlank();
        var json = CommonOptions.Json();
        var secrets = CommonOptions.SecretsFile();
        var models = new Option<string[]>("--model", "-m") { Description = "Replace a model alias for this run, as ALIAS=provider/model (repeatable): how an example that uses 'scripted' runs on a real model." };
        var wait = new Option<bool>("--wait") { Description = "Stay attached through timers (wait steps, long retry backoffs) instead of exiting 3; still exit 3 when the run needs a person, an event or a child run." };
        var store = CommonOptions.Store();
        var command = new Command("run", "Run a workflow until it completes, fails, or waits. Exit 0 completed, 1 failed, 2 usage or validation error, 3 waiting.")
        {
            file, input, inputFile, json, secrets, wait, models, store,
        };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var asJson = parse.GetValue(json);
            if (parse.GetValue(inputFile) is { } path)
            {
                JsonLimits.CheckInputFile(path);
            }

            // Everything that can refuse the run is checked before the store is opened: bad input creates no store file.
            var host = CliHost.Create(StoreLocation.Resolve(parse.GetValue(store)), parse.GetValue(secrets), false, null);
            await using (host.ConfigureAwait(false))
            {
                var engine = host.Engine;
                var definition = engine.LoadDefinition(parse.GetValue(file)!);
                definition = WorkflowCompiler.WithModelOverrides(definition, CliModels.Overrides(definition, parse.GetValue(models) ?? []));
                var inputs = InputBuilder.Build(definition, parse.GetValue(inputFile), parse.GetValue(input) ?? []);
                JsonLimits.CheckInputs(inputs);
                engine.CheckCanStart(definition, inputs);
                await host.OpenStoreAsync(ct).ConfigureAwait(false);
                var notices = ScriptedNotice.For(definition).ToList();
                var terminal = Terminal.Stdout;
                if (!asJson)
                {
                    new ProgressPrinter(terminal).Attach(engine);
                    terminal.Line($"{terminal.Bold(definition.Name)} {terminal.Dim($"(definition {definition.Hash[..12]}, store {host.StorePath})")}");
                    foreach (var notice in notices)
                    {
                        terminal.Line(terminal.Yellow($"  note: {notice}"));
                    }
                }

                var result = await engine.RunAsync(definition, inputs, new StartRunOptions { Actor = CommonOptions.Actor(null) }, ct).ConfigureAwait(false);
                if (parse.GetValue(wait))
                {
                    result = await TimerWait.FollowAsync(engine, result, asJson ? null : terminal, ct).ConfigureAwait(false);
                }

                await ResumeInterruptedAsync(engine, terminal, asJson, ct).ConfigureAwait(false);
                var steps = await engine.Store.GetStepExecutionsAsync(result.RunId, ct).ConfigureAwait(false);
                var run = await engine.Store.GetRunAsync(result.RunId, ct).ConfigureAwait(false);
                if (asJson)
                {
                    var document = RunJson.Result(run!, steps);
                    document["notices"] = new JsonArray([.. notices.Select(n => (JsonNode)JsonValue.Create(n))]);
                    JsonOutput.Write(terminal.Writer, document);
                }
                else
                {
                    await ResultPrinter.PrintAsync(terminal, engine.Store, run!, ct).ConfigureAwait(false);
                }

                return ResultPrinter.ExitCode(result.Status);
            }
        }));
        return command;
    }

    /// <summary>Runs that a crashed process left behind resume here, as they would under 'baton worker'.</summary>
    private static async Task ResumeInterruptedAsync(BatonEngine engine, Terminal terminal, bool quiet, CancellationToken cancellationToken)
    {
        var released = await engine.RecoverAbandonedRunsAsync(cancellationToken).ConfigureAwait(false);
        if (released == 0)
        {
            return;
        }

        if (!quiet)
        {
            terminal.Line(terminal.Yellow($"Resuming {released} run(s) that an interrupted process left behind."));
        }

        await engine.RunWorkerAsync(untilIdle: true, cancellationToken).ConfigureAwait(false);
    }
}
