/*
 * ac_words.c: keyword, builtin and standard-library word lists.
 *
 * Lists are space-separated strings grouped by kind, each in rough order of
 * frequency in real code. A language's table is the union of its groups,
 * first occurrence in each place winning, sorted for binary search.
 */
#include "ac_words.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct group {
    enum pair_ac_kind kind;
    int place; /* enum pair_ac_place */
    const char *words;
};

#define END_GROUPS                                                                                 \
    {                                                                                              \
        PAIR_AC_KIND__MAX, 0, NULL                                                                 \
    }

/* ---------- Python ---------- */
static const struct group python[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "self def return if in for import None not is from else and True False elif or while with "
     "as try except raise class pass lambda yield break continue assert del global nonlocal "
     "finally async await cls match case"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE,
     "len print isinstance str int range list dict super getattr set tuple type open hasattr "
     "setattr sorted enumerate zip min max sum repr any all iter next map filter abs bool float "
     "format id hash callable bytes object ord chr round divmod vars dir globals locals input "
     "reversed frozenset bytearray memoryview property staticmethod classmethod issubclass "
     "delattr compile eval exec pow hex oct bin complex slice NotImplemented Ellipsis __name__ "
     "__init__ __main__ __file__ __doc__ __all__ __class__ __dict__ __repr__ __str__ __eq__ "
     "__hash__ __len__ __iter__ __next__ __enter__ __exit__ __call__ __getattr__ __setattr__ "
     "__getitem__ __setitem__ __contains__ __new__ __slots__ __module__ __qualname__"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE,
     "Exception ValueError TypeError KeyError IndexError AttributeError RuntimeError "
     "NotImplementedError OSError StopIteration ImportError FileNotFoundError AssertionError "
     "ZeroDivisionError KeyboardInterrupt SystemExit BaseException LookupError UnicodeDecodeError "
     "UnicodeEncodeError UnicodeError IOError EOFError PermissionError TimeoutError "
     "DeprecationWarning UserWarning Warning RecursionError OverflowError MemoryError NameError "
     "SyntaxError ConnectionError BrokenPipeError FileExistsError IsADirectoryError "
     "ModuleNotFoundError StopAsyncIteration GeneratorExit Optional List Dict Any Union Tuple "
     "Callable Iterable Iterator Sequence Mapping Set Type Path"},
    {PAIR_AC_MODULE, PAIR_AC_ANYWHERE,
     "os sys re json time math logging collections itertools functools typing pathlib "
     "subprocess datetime random string io copy abc enum dataclasses contextlib argparse unittest "
     "threading asyncio socket struct shutil tempfile glob hashlib base64 pickle csv sqlite3 "
     "urllib http email warnings inspect traceback textwrap operator weakref queue signal "
     "platform locale codecs decimal fractions statistics heapq bisect array uuid secrets hmac "
     "zlib gzip zipfile tarfile configparser pprint timeit doctest unicodedata types importlib "
     "select selectors errno stat fnmatch gc ast dis tokenize keyword builtins"},
    {PAIR_AC_PROPERTY, PAIR_AC_AFTER_MEMBER,
     "append join format get items keys values split strip startswith endswith replace extend "
     "pop update lower upper encode decode read write close path exists getLogger debug info "
     "warning error exception findall match search group compile sub dumps loads load dump add "
     "remove insert index count sort copy setdefault isdigit isalpha rstrip lstrip splitlines "
     "partition environ argv stdout stderr stdin now sleep assertEqual assertTrue assertFalse "
     "assertRaises assertIn assertIsNone assertIsInstance setUp tearDown"},
    END_GROUPS,
};

/* ---------- JavaScript (TypeScript adds its own on top) ---------- */
static const struct group javascript[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "const return this function if let var else new true false null undefined for typeof "
     "import export from default await async of in class extends while break case switch throw "
     "try catch finally continue do delete instanceof void yield super static get set debugger "
     "with"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE,
     "console Object Array Promise JSON Math String Number Error Date Map Set Symbol RegExp "
     "Boolean parseInt parseFloat isNaN setTimeout clearTimeout setInterval clearInterval require "
     "module exports window document globalThis process Buffer fetch TypeError RangeError WeakMap "
     "WeakSet Proxy Reflect Intl encodeURIComponent decodeURIComponent structuredClone "
     "queueMicrotask requestAnimationFrame localStorage navigator location URL URLSearchParams "
     "Uint8Array Int32Array Float64Array ArrayBuffer DataView BigInt Infinity NaN arguments "
     "SyntaxError HTMLElement Event Node"},
    {PAIR_AC_PROPERTY, PAIR_AC_AFTER_MEMBER,
     "length push map filter forEach then catch join slice split indexOf includes keys values "
     "entries log error warn toString replace trim call apply bind concat reduce find some every "
     "sort splice shift unshift pop hasOwnProperty prototype assign freeze create defineProperty "
     "getPrototypeOf stringify parse resolve reject all race addEventListener "
     "removeEventListener querySelector querySelectorAll getElementById createElement appendChild "
     "textContent innerHTML style target value preventDefault stopPropagation floor ceil round max "
     "min abs random now test exec startsWith endsWith toLowerCase toUpperCase substring charAt "
     "charCodeAt fromCharCode padStart isArray from has get set delete clear size next done "
     "current props state children name type message stack constructor"},
    END_GROUPS,
};

static const struct group typescript[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "interface type readonly private public protected implements enum namespace declare "
     "abstract as is keyof infer never unknown any string number boolean object symbol bigint "
     "satisfies override asserts unique module global"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE,
     "Record Partial Readonly Pick Omit Exclude Extract ReturnType Parameters Required "
     "NonNullable Awaited InstanceType ReadonlyArray PromiseLike Iterable IterableIterator "
     "ArrayLike PropertyKey"},
    END_GROUPS,
};

/* ---------- C (C++ adds its own on top) ---------- */
static const struct group c_words[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "if return int char void const struct unsigned else static for while sizeof break case "
     "long NULL switch default typedef enum double float short extern goto continue do signed "
     "volatile register union inline restrict bool true false _Bool _Static_assert defined"},
    {PAIR_AC_KEYWORD, PAIR_AC_AFTER_HASH,
     "include define endif ifndef ifdef if else undef pragma elif error warning line"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE,
     "size_t uint8_t uint16_t uint32_t uint64_t int8_t int16_t int32_t int64_t uintptr_t "
     "intptr_t ssize_t ptrdiff_t off_t pid_t FILE va_list time_t wchar_t"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE,
     "printf malloc free memcpy strlen memset strcmp fprintf sprintf snprintf calloc realloc "
     "strncmp strcpy strncpy strcat strchr strrchr strstr memcmp memmove fopen fclose fread "
     "fwrite fgets fputs puts putchar getchar exit abort atoi atol strtol strtoul strtod assert "
     "errno perror stdin stdout stderr qsort bsearch abs time clock rand srand isalpha isdigit "
     "isspace isupper islower toupper tolower va_start va_end va_arg EOF SIZE_MAX INT_MAX "
     "INT_MIN UINT_MAX EXIT_SUCCESS EXIT_FAILURE offsetof strerror strdup strndup main argc "
     "argv fseek ftell rewind fflush setlocale LC_ALL SEEK_SET SEEK_END SEEK_CUR getenv "
     "signal raise sscanf scanf fscanf vsnprintf vfprintf memchr strtok strspn strcspn "
     "strncat isalnum isxdigit ispunct CHAR_BIT"},
    {PAIR_AC_MODULE, PAIR_AC_IN_INCLUDE,
     "stdio stdlib string stdint stddef stdbool errno assert limits unistd types stat ctype "
     "math time signal fcntl stdarg config socket inttypes string wchar locale setjmp float "
     "pthread mman ioctl in inet netdb dirent wait poll select linux sys asm uio "
     "param termios dlfcn iso646 stdatomic threads uchar wctype complex tgmath fenv "
     "stdnoreturn stdalign sched semaphore syslog pwd grp utime resource time socket un "
     "tcp udp if_ether kernel compiler byteswap endian getopt libgen regex glob fnmatch "
     "ifaddrs epoll eventfd timerfd random sysmacros statvfs mount utsname prctl"},
    END_GROUPS,
};

static const struct group cpp[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "class public private protected namespace template typename using virtual override new "
     "delete this nullptr auto constexpr operator friend explicit noexcept throw try catch "
     "decltype mutable static_cast dynamic_cast reinterpret_cast const_cast final concept "
     "requires co_await co_return co_yield"},
    {PAIR_AC_MODULE, PAIR_AC_ANYWHERE, "std"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE,
     "string vector map unordered_map set unordered_set unique_ptr shared_ptr weak_ptr pair "
     "tuple optional variant array deque list function string_view thread mutex lock_guard "
     "unique_lock atomic ostream istream iostream"},
    {PAIR_AC_FUNCTION, PAIR_AC_AFTER_MEMBER,
     "make_unique make_shared move forward cout cin endl cerr begin end size push_back "
     "emplace_back empty insert erase find count at front back data reserve resize clear swap "
     "sort min max get first second c_str"},
    {PAIR_AC_FUNCTION, PAIR_AC_ANYWHERE,
     "size_type value_type iterator const_iterator reference const_reference allocator_type "
     "difference_type pointer const_pointer size_t nullptr_t numeric_limits initializer_list "
     "enable_if is_same is_convertible remove_reference decay integral_constant true_type "
     "false_type declval TEST TEST_F TEST_P EXPECT_EQ EXPECT_TRUE EXPECT_FALSE EXPECT_NE "
     "ASSERT_EQ ASSERT_TRUE ASSERT_FALSE ASSERT_NE EXPECT_THAT EXPECT_CALL testing SetUp "
     "TearDown InitGoogleTest RUN_ALL_TESTS"},
    END_GROUPS,
};

/* ---------- Java ---------- */
static const struct group java[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "public return private final static new this if void import class null int else for "
     "boolean throws try catch throw extends implements interface package protected super while "
     "switch case break default long double float char byte short abstract synchronized "
     "instanceof continue do finally enum assert transient volatile native strictfp var record "
     "sealed permits yield true false"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE,
     "String Override List ArrayList Map HashMap Object Integer Exception Set HashSet Arrays "
     "Collections Optional Stream Collectors StringBuilder Math Long Double Boolean Character "
     "IllegalArgumentException IllegalStateException RuntimeException IOException "
     "NullPointerException Iterator Comparator Thread Runnable LinkedList Deque ArrayDeque "
     "Objects Files Path Paths System Deprecated FunctionalInterface"},
    {PAIR_AC_PROPERTY, PAIR_AC_AFTER_MEMBER,
     "println out err get set add put size isEmpty equals hashCode toString length charAt "
     "substring contains containsKey remove stream map filter collect forEach of valueOf "
     "parseInt format append getClass getName"},
    END_GROUPS,
};

/* ---------- Go ---------- */
static const struct group go[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "func return if err nil for range package import type struct else var const interface "
     "map chan go defer select case switch default break continue fallthrough goto true false "
     "iota"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE,
     "make len append new cap copy delete panic recover close print println"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE,
     "string int bool byte error rune int64 int32 uint uint8 uint16 uint32 uint64 float64 "
     "float32 any comparable complex128 uintptr"},
    {PAIR_AC_MODULE, PAIR_AC_ANYWHERE,
     "fmt os io strings strconv errors time context sync http json bytes bufio sort math log "
     "filepath path regexp testing net url"},
    {PAIR_AC_FUNCTION, PAIR_AC_AFTER_MEMBER,
     "Println Printf Sprintf Errorf Fprintf New Error String Close Read Write Background "
     "WithCancel Mutex WaitGroup Lock Unlock Add Done Wait Now Since Duration Second Millisecond "
     "Itoa Atoi Join Split Contains HasPrefix TrimSpace Fatal Fatalf Run Is As"},
    END_GROUPS,
};

/* ---------- Rust ---------- */
static const struct group rust[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "let fn self mut if use pub impl return match Self struct for as in else mod const enum "
     "trait where crate super static loop while break continue move ref type unsafe async "
     "await dyn extern true false"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE,
     "Some None Ok Err println format vec panic assert assert_eq write writeln matches "
     "unreachable todo"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE,
     "String Vec Option Result Box HashMap HashSet Rc Arc RefCell Mutex u8 u16 u32 u64 usize "
     "i32 i64 isize f32 f64 bool str char Default Debug Clone Copy PartialEq Eq Hash Display "
     "From Into Iterator BTreeMap"},
    {PAIR_AC_MODULE, PAIR_AC_ANYWHERE, "std io fmt collections sync"},
    {PAIR_AC_FUNCTION, PAIR_AC_AFTER_MEMBER,
     "new unwrap to_string clone iter into push len map collect is_some is_none expect as_str "
     "as_ref borrow borrow_mut unwrap_or unwrap_or_default ok_or and_then insert get "
     "contains_key iter_mut"},
    END_GROUPS,
};

/* ---------- C#, Kotlin, Swift, Scala, Dart ---------- */
static const struct group clike[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "return if var val let fun func def public private else new this class true false null for "
     "while static void import using namespace override final const string int bool"},
    END_GROUPS,
};

/* ---------- PHP ---------- */
static const struct group php[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "function return if this echo public array new else foreach as isset null true false "
     "private static protected class use namespace const require_once include require while "
     "for switch case break default try catch throw extends implements interface abstract final "
     "empty unset list elseif global fn match"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE,
     "count strlen str_replace explode implode array_key_exists in_array array_merge sprintf "
     "json_encode json_decode is_array trim substr strpos array_map array_filter"},
    END_GROUPS,
};

/* ---------- Ruby ---------- */
static const struct group ruby[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "end def if do self return nil else require class module elsif unless true false then "
     "when case yield begin rescue ensure while until attr_accessor attr_reader puts private "
     "include raise"},
    {PAIR_AC_PROPERTY, PAIR_AC_AFTER_MEMBER, "each new map select to_s length"},
    END_GROUPS,
};

/* ---------- shell ---------- */
static const struct group shell[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "if then fi echo else elif for do done in case esac while until function return local "
     "export exit set read shift cd test true false source unset printf"},
    END_GROUPS,
};

/* ---------- SQL (matched without regard to case) ---------- */
static const struct group sql[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "SELECT FROM WHERE AND OR INSERT INTO VALUES UPDATE SET DELETE CREATE TABLE INDEX ON JOIN "
     "LEFT RIGHT INNER OUTER GROUP BY ORDER HAVING LIMIT OFFSET AS DISTINCT NOT NULL IS IN "
     "EXISTS BETWEEN LIKE PRIMARY KEY FOREIGN REFERENCES DEFAULT CONSTRAINT UNIQUE CHECK DROP "
     "ALTER ADD COLUMN VIEW UNION ALL CASE WHEN THEN ELSE END BEGIN COMMIT ROLLBACK RETURNING "
     "WITH ASC DESC TRUE FALSE"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE, "COUNT SUM AVG MIN MAX COALESCE NOW"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE,
     "INTEGER BIGINT TEXT VARCHAR BOOLEAN TIMESTAMP TIMESTAMPTZ SERIAL BIGSERIAL JSONB NUMERIC"},
    END_GROUPS,
};

/* ---------- markup and data ---------- */
static const struct group html[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "div span class id href src a p img ul li ol table tr td th thead tbody form input button "
     "label select option textarea script style link meta head body html title h1 h2 h3 h4 nav "
     "header footer section article main aside type name value placeholder alt width height rel "
     "content charset lang disabled checked onclick for action method target"},
    END_GROUPS,
};

static const struct group css[] = {
    {PAIR_AC_PROPERTY, PAIR_AC_ANYWHERE,
     "color background display margin padding border width height font-size font-weight "
     "position top left right bottom flex justify-content align-items grid text-align "
     "line-height transition transform opacity z-index overflow cursor box-sizing "
     "background-color font-family border-radius margin-top margin-bottom padding-left "
     "padding-right max-width min-height gap"},
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "none auto solid absolute relative block inline-block important pointer border-box center "
     "hidden inherit transparent fixed"},
    END_GROUPS,
};

static const struct group json[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE, "true false null"},
    END_GROUPS,
};

static const struct group yaml[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "true false null name version on run uses with env steps jobs image services runs-on"},
    END_GROUPS,
};

static const struct group xml[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE, "xml version encoding xmlns"},
    END_GROUPS,
};

static const struct group none[] = {END_GROUPS};

/* The groups of each language, most specific first. */
static const struct group *const lang_groups[PAIR_AC_LANG__MAX][3] = {
    [PAIR_AC_GENERIC] = {none, NULL, NULL},
    [PAIR_AC_PYTHON] = {python, NULL, NULL},
    [PAIR_AC_JAVASCRIPT] = {javascript, NULL, NULL},
    [PAIR_AC_TYPESCRIPT] = {javascript, typescript, NULL},
    [PAIR_AC_C] = {c_words, NULL, NULL},
    [PAIR_AC_CPP] = {c_words, cpp, NULL},
    [PAIR_AC_JAVA] = {java, NULL, NULL},
    [PAIR_AC_GO] = {go, NULL, NULL},
    [PAIR_AC_RUST] = {rust, NULL, NULL},
    [PAIR_AC_CLIKE] = {clike, NULL, NULL},
    [PAIR_AC_PHP] = {php, NULL, NULL},
    [PAIR_AC_RUBY] = {ruby, NULL, NULL},
    [PAIR_AC_SHELL] = {shell, NULL, NULL},
    [PAIR_AC_SQL] = {sql, NULL, NULL},
    [PAIR_AC_HTML] = {html, NULL, NULL},
    [PAIR_AC_XML] = {xml, NULL, NULL},
    [PAIR_AC_CSS] = {css, NULL, NULL},
    [PAIR_AC_JSON] = {json, NULL, NULL},
    [PAIR_AC_YAML] = {yaml, NULL, NULL},
};

static const char *const kind_names[PAIR_AC_KIND__MAX] = {
    [PAIR_AC_KEYWORD] = "keyword",   [PAIR_AC_BUILTIN] = "builtin",
    [PAIR_AC_VARIABLE] = "variable", [PAIR_AC_FUNCTION] = "function",
    [PAIR_AC_PROPERTY] = "property", [PAIR_AC_MODULE] = "module",
    [PAIR_AC_TYPE] = "type",         [PAIR_AC_SNIPPET] = "snippet",
};

static struct pair_ac_word *tables[PAIR_AC_LANG__MAX];
static size_t table_len[PAIR_AC_LANG__MAX];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static int words_status = -1;

/* memcmp order over (text, len), for qsort and bsearch. */
static int
cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    int r = memcmp(a, b, alen < blen ? alen : blen);
    return r != 0 ? r : (alen > blen) - (alen < blen);
}

/* qsort's comparison of two words. */
static int
cmp_word(const void *x, const void *y)
{
    const struct pair_ac_word *a = x, *b = y;
    return cmp_bytes(a->text, a->len, b->text, b->len);
}

/* Counts the words in a space-separated list. */
static size_t
count_words(const char *s)
{
    size_t n = 0;
    while (*s != '\0') {
        while (*s == ' ')
            s++;
        if (*s == '\0')
            break;
        n++;
        s += strcspn(s, " ");
    }
    return n;
}

/* Builds one language's table: every group's words, the first occurrence
 * of a word in each place winning (a word may be a keyword anywhere and a
 * member after '.'), sorted. The texts point into a private copy of the
 * lists with NULs written after each word. */
static int
build_lang(enum pair_ac_lang lang)
{
    size_t total = 0;
    for (int g = 0; g < 3 && lang_groups[lang][g] != NULL; g++)
        for (const struct group *gr = lang_groups[lang][g]; gr->words != NULL; gr++)
            total += count_words(gr->words);
    struct pair_ac_word *t = calloc(total + 1, sizeof(*t));
    if (t == NULL)
        return -1;
    size_t n = 0;
    for (int g = 0; g < 3 && lang_groups[lang][g] != NULL; g++) {
        for (const struct group *gr = lang_groups[lang][g]; gr->words != NULL; gr++) {
            char *copy = strdup(gr->words); /* lives as long as the process */
            if (copy == NULL) {
                free(t);
                return -1;
            }
            size_t size = count_words(copy), rank = 0;
            for (char *p = copy; *p != '\0';) {
                while (*p == ' ')
                    p++;
                if (*p == '\0')
                    break;
                size_t k = strcspn(p, " ");
                char *next = p[k] != '\0' ? p + k + 1 : p + k;
                p[k] = '\0';
                bool seen = false;
                for (size_t i = 0; i < n && !seen; i++)
                    seen = t[i].len == k && t[i].place == gr->place && memcmp(t[i].text, p, k) == 0;
                if (!seen)
                    t[n++] = (struct pair_ac_word){.text = p,
                                                   .len = (uint16_t)k,
                                                   .kind = (uint8_t)gr->kind,
                                                   .place = (uint8_t)gr->place,
                                                   .rank = (uint16_t)rank,
                                                   .group_size = (uint16_t)size};
                rank++;
                p = next;
            }
        }
    }
    qsort(t, n, sizeof(*t), cmp_word);
    tables[lang] = t;
    table_len[lang] = n;
    return 0;
}

/* Builds every language's table; words_status stays -1 on failure. */
static void
build_all(void)
{
    for (int l = 0; l < PAIR_AC_LANG__MAX; l++)
        if (build_lang((enum pair_ac_lang)l) != 0)
            return;
    words_status = 0;
}

int
pair_ac_words_init(void)
{
    pthread_once(&words_once, build_all);
    return words_status;
}

size_t
pair_ac_words(enum pair_ac_lang lang, const struct pair_ac_word **out)
{
    if (lang >= PAIR_AC_LANG__MAX || tables[lang] == NULL) {
        *out = NULL;
        return 0;
    }
    *out = tables[lang];
    return table_len[lang];
}

const struct pair_ac_word *
pair_ac_word_find(enum pair_ac_lang lang, const char *s, size_t len)
{
    const struct pair_ac_word *t;
    size_t n = pair_ac_words(lang, &t);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = cmp_bytes(t[mid].text, t[mid].len, s, len);
        if (r == 0)
            return &t[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *
pair_ac_kind_name(enum pair_ac_kind kind)
{
    return kind < PAIR_AC_KIND__MAX ? kind_names[kind] : "variable";
}

int
pair_ac_lang_case_insensitive(enum pair_ac_lang lang)
{
    return lang == PAIR_AC_SQL;
}
