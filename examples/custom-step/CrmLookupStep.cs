using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Examples.CustomStep;

/// <summary>
/// A team's own step kind: looks a contact up in the CRM by e-mail. Workflows use it as <c>crm-lookup: { email: ... }</c>.
/// </summary>
/// <remarks>
/// The "CRM" here is an in-memory table so that the example runs offline; a real step would call the CRM's API with
/// <see cref="StepContext.IdempotencyKey"/> and honour the cancellation token.
/// </remarks>
public sealed class CrmLookupStep : IStepExecutor
{
    private static readonly Dictionary<string, JsonObject> Contacts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dana@northwind.example"] = new() { ["account"] = "Northwind", ["tier"] = "enterprise", ["openDeals"] = 3, ["owner"] = "kim" },
        ["lee@contoso.example"] = new() { ["account"] = "Contoso", ["tier"] = "standard", ["openDeals"] = 0, ["owner"] = "ana" },
    };

    public string Kind => "crm-lookup";

    /// <summary>Checked by <c>baton validate</c>-style compilation and before every attempt.</summary>
    public JsonObject? ConfigSchema => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("email"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["email"] = new JsonObject { ["type"] = "string", ["minLength"] = 3 },
        },
    };

    public ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var email = context.Config?["email"]?.GetValue<string>() ?? "";
        if (!Contacts.TryGetValue(email, out var contact))
        {
            return ValueTask.FromResult(StepOutcome.Failed("crm.not-found", $"No CRM contact has the e-mail address '{email}'.", retryable: false));
        }

        var output = (JsonObject)contact.DeepClone();
        output["email"] = email;
        return ValueTask.FromResult(StepOutcome.Completed(output));
    }
}
