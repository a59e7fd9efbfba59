using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Accounts;

/// <summary>The one configuration of ASP.NET Core Identity, shared by the server and the command line.</summary>
public static class IdentitySetup
{
    /// <summary>Failed sign-ins before an account locks.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a lock lasts.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Registers Identity's core (user manager, PBKDF2 hasher, lockout, authenticator tokens) on the store's database,
    /// and data protection on the key ring beside it (<see cref="TagwatchDatabase.KeyRingFolder"/>, owner-only): it
    /// seals the server's sessions and encrypts second-factor seeds, so the server and the console share it.
    /// </summary>
    public static IdentityBuilder AddTagwatchIdentity(this IServiceCollection services, TagwatchDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return services.AddTagwatchIdentity(database, keys => keys.PersistKeysToFileSystem(OwnerOnlyFiles.CreateFolder(database.KeyRingFolder)));
    }

    /// <summary>
    /// Registers Identity's core as <see cref="AddTagwatchIdentity(IServiceCollection, TagwatchDatabase)"/> does, on any
    /// relational database, with data protection's keys kept where <paramref name="persistKeys"/> says (every node of a
    /// deployment must share them, or a session sealed by one node is refused by another).
    /// </summary>
    public static IdentityBuilder AddTagwatchIdentity(this IServiceCollection services, IRelationalDatabase database, Action<IDataProtectionBuilder> persistKeys)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(persistKeys);
        services.AddScoped(_ => database.CreateContext());
        services.AddLogging();
        persistKeys(services.AddDataProtection().SetApplicationName("Tagwatch"));
        var identity = services
            .AddIdentityCore<UserRow>(options =>
            {
                // Length over composition rules (NCSC password guidance); 12 characters at least.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@";
            })
            .AddEntityFrameworkStores<TagwatchDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<UserRow>>(TokenOptions.DefaultAuthenticatorProvider);

        // The store that keeps second-factor seeds encrypted replaces the one AddEntityFrameworkStores registered.
        services.AddScoped<AuthenticatorKeyStore>();
        services.AddScoped<IUserStore<UserRow>>(sp => sp.GetRequiredService<AuthenticatorKeyStore>());
        return identity;
    }
}
