using System.Text.Json.Nodes;
using Baton.Secrets;
using Baton.Steps;

namespace Baton.Engine;

/// <summary>Secrets: resolved in the process that drives the run, when a step needs them, and held in memory only.</summary>
internal sealed partial class RunDriver
{
    /// <summary>The declared secrets this process can resolve. A secret it cannot resolve is looked up again on the next call.</summary>
    private JsonObject SecretsObject()
    {
        _secrets ??= [];
        if (_secrets.Count < Definition.Secrets.Count)
        {
            foreach (var name in Definition.Secrets)
            {
                if (!_secrets.ContainsKey(name) && _svc.Secrets.TryGetSecret(name, out var value))
                {
                    _svc.Masker.Add([value]);
                    _secrets[name] = value;
                }
            }
        }

        return _secrets;
    }

    /// <summary>
    /// The error of a step that reads secrets this process cannot resolve; null when every one resolves. The start of a run
    /// checks every declared secret, but a run resumes wherever it is driven next (a worker, <c>baton approve</c>), and
    /// a secret missing there must fail the step rather than render as an empty string.
    /// </summary>
    private ErrorInfo? MissingSecrets(string[] names)
    {
        if (names.Length == 0)
        {
            return null;
        }

        var resolved = SecretsObject();
        var missing = names.Where(n => !resolved.ContainsKey(n)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var list = string.Join(", ", missing);
        var variables = string.Join(", ", missing.Select(n => EnvironmentSecretProvider.Prefix + n));
        return new ErrorInfo(ErrorCodes.SecretMissing,
            $"The step reads the secret{(missing.Count > 1 ? "s" : "")} {list}, which {(missing.Count > 1 ? "have" : "has")} no value in the process driving the run (the run had {(missing.Count > 1 ? "them" : "it")} when it started). " +
            $"Set {variables} in the environment of every process that drives the run (baton worker, run, approve, signal), or add {(missing.Count > 1 ? "them" : "it")} to the secrets file (--secrets-file or BATON_SECRETS_FILE).")
        { Retryable = false };
    }
}
