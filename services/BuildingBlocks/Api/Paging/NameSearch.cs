using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Vietnamese;

namespace Platform.Api.Paging;

/// <summary>
/// Name search over a folded name column (<see cref="VietnameseText.Fold"/>) and a list key that starts
/// with it (folded name, then a unique suffix, C collation): "nguyen van anh" finds "Nguyễn Văn Ánh".
/// </summary>
public static class NameSearch
{
    private static readonly System.Reflection.MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo Like =
        typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    /// <summary>
    /// The stored forms of a name: as written (NFC), folded for search, and the list key that orders and
    /// pages by name — the folded name, then a suffix that makes it unique.
    /// </summary>
    public static (string FullName, string SearchName, string ListKey) Keys(string fullName, string uniqueSuffix)
    {
        var normalized = VietnameseText.Normalize(fullName);
        var folded = VietnameseText.Fold(normalized);
        return (normalized, folded, $"{folded}|{uniqueSuffix}");
    }

    /// <summary>
    /// The columns and indexes this search needs: the list key byte-ordered (C collation, so prefixes are
    /// index ranges) and indexed, and a trigram index on the folded name for words inside names.
    /// </summary>
    public static EntityTypeBuilder<T> HasNameSearchColumns<T>(this EntityTypeBuilder<T> entity,
        Expression<Func<T, string>> searchName, Expression<Func<T, string>> listKey, bool indexListKey = true) where T : class
    {
        entity.Property(listKey).HasMaxLength(200).UseCollation("C");
        if (indexListKey)
        {
            entity.HasIndex(Boxed(listKey));
        }
        entity.HasIndex(Boxed(searchName)).HasMethod("gin").HasOperators("gin_trgm_ops");
        return entity;
    }

    private static Expression<Func<T, object?>> Boxed<T>(Expression<Func<T, string>> property) =>
        Expression.Lambda<Func<T, object?>>(property.Body, property.Parameters);

    /// <summary>
    /// A page of the rows whose name matches <paramref name="text"/>, in name order. A full name (two words
    /// or more) first finds the names that start with it, straight off the name-ordered btree index: at any
    /// scale that takes a millisecond. One word, or a full name no name starts with, is looked for anywhere
    /// in the name on the trigram index of the folded name. A blank text lists everything.
    /// </summary>
    public static async Task<Page<T>> ToNameSearchPageAsync<T>(this IQueryable<T> query, Expression<Func<T, string>> searchName,
        Expression<Func<T, string>> listKey, string text, PageRequest page, CancellationToken cancellationToken)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return await query.ToPageAsync(listKey, page, cancellationToken);
        }
        if (folded.Contains(' '))
        {
            // Keys of names starting with the text lie between it and it followed by DEL, above every folded character.
            var prefixed = await query.Where(Between(listKey, folded, folded + "\u007f")).ToPageAsync(listKey, page, cancellationToken);
            if (prefixed.Items.Count > 0)
            {
                return prefixed;
            }
        }
        var contains = Expression.Lambda<Func<T, bool>>(
            Expression.Call(Like, Expression.Constant(EF.Functions), searchName.Body, Parameter(VietnameseText.ContainsPattern(folded)!)),
            searchName.Parameters);
        return await query.Where(contains).ToPageAsync(listKey, page, cancellationToken);
    }

    private static Expression<Func<T, bool>> Between<T>(Expression<Func<T, string>> key, string from, string below) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(StringCompare, key.Body, Parameter(from)), Expression.Constant(0)),
                Expression.LessThan(Expression.Call(StringCompare, key.Body, Parameter(below)), Expression.Constant(0))),
            key.Parameters);

    /// <summary>A value EF sends as a parameter (one compiled query for all texts), not inlined as a constant.</summary>
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Holder(value)), nameof(Holder.Value));

    private sealed record Holder(string Value);
}
