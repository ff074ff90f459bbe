using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Engine;
using Baton.Examples.CustomStep;
using Microsoft.Extensions.DependencyInjection;

// Embeds Baton in an application: the engine, an SQLite store and a custom step kind, all from DI.
// Usage: custom-step [EMAIL] [STORE]
var email = args.Length > 0 ? args[0] : "dana@northwind.example";
var store = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "baton-custom-step-example.db");

var services = new ServiceCollection();
services.AddBaton()
    .UseSqlite(store)
    .AddStep<CrmLookupStep>();

await using var provider = services.BuildServiceProvider();
var engine = provider.GetRequiredService<BatonEngine>();
await engine.InitializeAsync();

var workflow = engine.LoadDefinition(Path.Combine(AppContext.BaseDirectory, "workflows", "enrich-lead.yaml"));
var result = await engine.RunAsync(workflow, new JsonObject { ["email"] = email });

Console.WriteLine(JsonSerializer.Serialize(new JsonObject
{
    ["runId"] = result.RunId.Value,
    ["status"] = RunStateNames.Run(result.Status),
    ["output"] = result.Output?.DeepClone(),
    ["error"] = result.Error is null ? null : new JsonObject { ["code"] = result.Error.Code, ["message"] = result.Error.Message },
}, new JsonSerializerOptions { WriteIndented = true }));
return result.IsTerminal && result.Error is null ? 0 : 1;
