using System.Security.Cryptography;
using ContestSite.Core.Bundles;
using ContestSite.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles;

/// <summary>
/// The key of keyed-hash masking: from settings, or generated once and stored in the database protected by
/// data protection, so every node (sharing keys) derives the same tokens and the key is never in source.
/// </summary>
public sealed class MaskingKeySource(IOptions<BundleOptions> options, IDataProtectionProvider protection, IServiceScopeFactory scopes) : IDisposable
{
    private const int KeyBytes = 32;
    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? key;

    public void Dispose() => gate.Dispose();

    public static byte[]? Decode(string text)
    {
        try
        {
            var bytes = Convert.FromBase64String(text);
            return bytes.Length >= 16 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken = default)
    {
        if (key is not null) return key;
        if (!string.IsNullOrEmpty(options.Value.MaskingKey)) return key = Decode(options.Value.MaskingKey)!;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var protector = protection.CreateProtector("ContestSite.Bundles.MaskingKey");
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var stored = await db.MaskingSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == 1, cancellationToken);
        if (stored is not null) return protector.Unprotect(Convert.FromBase64String(stored.ProtectedKey));
        var fresh = RandomNumberGenerator.GetBytes(KeyBytes);
        db.MaskingSecrets.Add(new MaskingSecret { Id = 1, ProtectedKey = Convert.ToBase64String(protector.Protect(fresh)) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh;
        }
        catch (DbUpdateException)
        {
            // Another node stored its key first: use that one, so tokens agree everywhere.
            var winner = await db.MaskingSecrets.AsNoTracking().SingleAsync(s => s.Id == 1, cancellationToken);
            return protector.Unprotect(Convert.FromBase64String(winner.ProtectedKey));
        }
    }
}

/// <summary>The masking key is stored on a connection of its own: made before a recipe that sets masking rules opens its transaction.</summary>
public sealed class MaskingKeyPreparation(MaskingKeySource keys) : ContestSite.Web.Setup.IRecipePreparation
{
    public Task PrepareAsync(CancellationToken cancellationToken) => keys.GetAsync(cancellationToken);
}
