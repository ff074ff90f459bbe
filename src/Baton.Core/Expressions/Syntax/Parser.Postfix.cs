using Baton.Expressions.Nodes;

namespace Baton.Expressions.Syntax;

internal sealed partial class Parser
{
    private ExpressionNode ParsePostfix()
    {
        // A parenthesized name has already been recorded inside the parentheses.
        var startsWithName = Current.Kind == TokenKind.Identifier;
        var primary = ParsePrimary();
        return ParseChain(primary, startsWithName ? primary as RootNode : null);
    }

    /// <summary>
    /// Member access, indexing and projection after <paramref name="node"/>. When the chain starts at a context
    /// name, its static part (<c>.name</c> and <c>['name']</c>) becomes a reference, recorded before any computed index.
    /// </summary>
    private ExpressionNode ParseChain(ExpressionNode node, RootNode? root)
    {
        var members = root is null ? null : new List<string>();
        var referenceEnd = node.End;
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                var name = Current;
                if (name.Kind == TokenKind.Star)
                {
                    Advance();
                    Record(root, members, referenceEnd);
                    Enter();
                    var body = ParseChain(new ProjectionItemNode(name.End), root: null);
                    _nesting--;
                    return Check(new ProjectionNode(node, body, node.Start, Math.Max(name.End, body.End)));
                }

                if (name.Kind != TokenKind.Identifier)
                {
                    throw Unexpected(name, "a member name or '*' after '.'");
                }

                Advance();
                node = Check(new MemberNode(node, name.Value!, node.Start, name.End));
                members?.Add(name.Value!);
                referenceEnd = name.End;
                continue;
            }

            if (Current.Kind != TokenKind.LeftBracket)
            {
                break;
            }

            Advance();
            if (Current.Kind == TokenKind.String && PeekAt(1).Kind == TokenKind.RightBracket)
            {
                var key = Advance().Value!;
                var close = Advance();
                node = Check(new MemberNode(node, key, node.Start, close.End));
                members?.Add(key);
                referenceEnd = close.End;
                continue;
            }

            Record(root, members, referenceEnd);
            members = null;
            var index = ParseExpression();
            var closing = Expect(TokenKind.RightBracket, "']' to close the index");
            node = Check(new IndexNode(node, index, node.Start, closing.End));
        }

        Record(root, members, referenceEnd);
        return node;
    }

    private void Record(RootNode? root, List<string>? members, int end)
    {
        if (root is not null && members is not null)
        {
            _references.Add(new ExpressionReference(root.Name, members.ToArray(), root.Start, end - root.Start));
        }
    }
}
