namespace Baton.Expressions;

/// <summary>
/// One access to a context name with its static member path: <c>steps.ads.output.body[0]</c> gives
/// root <c>steps</c> and members <c>["ads", "output", "body"]</c>. The path stops at the first index
/// or member that is computed at run time. Offsets are in characters of <see cref="Template.Text"/>.
/// </summary>
public sealed record ExpressionReference(string Root, IReadOnlyList<string> Members, int Offset, int Length);
