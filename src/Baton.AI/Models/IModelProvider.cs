using Microsoft.Extensions.AI;

namespace Baton.AI.Models;

/// <summary>Makes <see cref="IChatClient"/>s for one provider name (<c>openai</c>, <c>anthropic</c>, <c>ollama</c>, <c>scripted</c>, or your own).</summary>
/// <remarks>
/// Register more with <c>AddBaton().AddAI().AddModelProvider&lt;T&gt;()</c>. A provider's clients must:
/// put token usage in <see cref="ChatResponse.Usage"/>, the finish reason, response id and model id on the response;
/// honour <see cref="ChatOptions.ResponseFormat"/> (a JSON schema, or JSON) where the provider can;
/// return token log-probabilities under <see cref="AIChatKeys.LogProbs"/> when <see cref="AIChatKeys.RequestLogProbs"/> is set
/// and the provider can; and throw <see cref="ModelCallException"/> for failures, with a code from <see cref="AIErrorCodes"/>.
/// </remarks>
public interface IModelProvider
{
    /// <summary>The provider part of <c>provider/model</c>: lower case.</summary>
    string Name { get; }

    /// <summary>
    /// The environment variables this provider reads credentials from when the project config names none, such as
    /// <c>OPENAI_API_KEY</c>. The processes Baton starts do not inherit them (see <see cref="Secrets.CredentialVariables"/>).
    /// Default: none.
    /// </summary>
    IReadOnlyCollection<string> ApiKeyVariables => [];

    /// <summary>Makes a client for the settings. Cheap to call; clients may be cached by the caller per settings.</summary>
    /// <exception cref="ModelConfigurationException">The settings are not usable, such as a missing API key.</exception>
    IChatClient CreateClient(ModelSettings settings, ModelCredentials credentials);
}
