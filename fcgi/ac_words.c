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
    int place; /* enum pair_ac_place, with the flags EITHER and LATER */
    const char *words;
};

/* A group's place for library names used both bare and qualified
 * ("deque" and "collections.deque", "move" and "std::move"): each word gets
 * an entry anywhere and one after a member operator. */
#define EITHER 0x10
/* A group of words less common than those of the language's earlier
 * groups of the same place: their ranks go on from there, instead of
 * starting again at 0. */
#define LATER 0x20
/* A group of sequences written in their canonical order (errno values,
 * terminal flags, token types), each ended by a ';': a word's neighbours
 * there are likelier neighbours in code than those of other lists, which
 * are only related names written next to each other. */
#define ORDERED 0x40
#define PLACE(p) ((p)&0x0f)

/* errno values and signals in their numeric order (Linux), shared by the
 * lists of the languages that name them. */
#define ERRNO_SIGNALS                                                                              \
    "EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES "          \
    "EFAULT ENOTBLK EBUSY EEXIST EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY "         \
    "ETXTBSY EFBIG ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK "      \
    "ENOSYS ENOTEMPTY ELOOP EWOULDBLOCK ENOMSG EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST ELNRNG "        \
    "EUNATCH ENOCSI EL2HLT EBADE EBADR EXFULL ENOANO EBADRQC EBADSLT EDEADLOCK EBFONT ENOSTR "     \
    "ENODATA ETIME ENOSR ENONET ENOPKG EREMOTE ENOLINK EADV ESRMNT ECOMM EPROTO EMULTIHOP "        \
    "EDOTDOT EBADMSG EOVERFLOW ENOTUNIQ EBADFD EREMCHG ELIBACC ELIBBAD ELIBSCN ELIBMAX "           \
    "ELIBEXEC EILSEQ ERESTART ESTRPIPE EUSERS ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE "          \
    "ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP EPFNOSUPPORT EAFNOSUPPORT "            \
    "EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ENOBUFS "     \
    "EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH "       \
    "EALREADY EINPROGRESS ESTALE EUCLEAN ENOTNAM ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM "       \
    "EMEDIUMTYPE ECANCELED ENOKEY EKEYEXPIRED EKEYREVOKED EKEYREJECTED EOWNERDEAD "                \
    "ENOTRECOVERABLE ERFKILL EHWPOISON ; SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGIOT "     \
    "SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV SIGUSR2 SIGPIPE SIGALRM SIGTERM SIGSTKFLT SIGCHLD "     \
    "SIGCONT SIGSTOP SIGTSTP SIGTTIN SIGTTOU SIGURG SIGXCPU SIGXFSZ SIGVTALRM SIGPROF "            \
    "SIGWINCH SIGIO SIGPOLL SIGPWR SIGSYS"

#define PLACES 4     /* enum pair_ac_place's values */
#define GROUPS_MAX 4 /* lists a language draws on */

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
    {PAIR_AC_VARIABLE, EITHER | LATER,
     "name value key data result path args kwargs text line lines filename obj item items "
     "index msg message err exc default options config context node parent children buf size "
     "length count start end pos offset prefix suffix sep encoding errors mode flags level "
     "timeout callback func attr attrs method module tb frame target source src dst dest base "
     "root state status code response request url host port sock conn headers body content "
     "output stream lock thread loop future task tasks event handler logger parser tokens token "
     "tree expr scope env cache new old other res ret val vals values keys info kind typ tp "
     "field fields names entry entries files file dirs dirname fullname filepath paths fd fp "
     "fn num number width height char chars word words string line_no lineno col offset "
     "limit max_size chunk chunks blocksize header raw_data payload params param kw keyword "
     "label tag tags version platform address addr family proto protocol server client "
     "session user password domain query fragment scheme netloc hostname timestamp seconds "
     "delta now today date time year month day hour minute second tz utc locale lang "
     "fmt template pattern regex match groups group flag converter transform wrapper wrapped "
     "decorator instance owner klass subclass base_class mro attrname meth sig signature "
     "parameters annotation annotations doc docstring filter predicate sort_key reverse "
     "first last prev next_item current total counter seen visited stack queue heap pending "
     "done finished ready closed opened running stopped cancelled exception exc_info "
     "exc_type exc_value traceback warning warnings category stacklevel verbose debug quiet "
     "dry_run force strict recursive follow_symlinks exist_ok ignore_errors newline closefd "
     "buffering maxsize maxlen initial step stop cmd command argv environ cwd shell stdin "
     "stdout stderr returncode pid signal sig_num"},
    {PAIR_AC_FUNCTION, EITHER | LATER,
     "namedtuple defaultdict OrderedDict Counter deque ChainMap partial wraps reduce "
     "lru_cache cache cached_property total_ordering singledispatch contextmanager "
     "asynccontextmanager suppress closing redirect_stdout ExitStack dataclass field "
     "asdict astuple replace chain islice cycle repeat product permutations combinations "
     "groupby zip_longest accumulate starmap takewhile dropwhile tee filterfalse "
     "attrgetter itemgetter methodcaller deepcopy import_module reload getLogger "
     "basicConfig getattr_static getmembers getsource signature isclass isfunction "
     "ismethod iscoroutinefunction isgeneratorfunction iscoroutine isawaitable "
     "isfuture ensure_future gather create_task run_until_complete get_event_loop "
     "new_event_loop get_running_loop wait_for sleep shield as_completed Queue Event "
     "Lock RLock Condition Semaphore BoundedSemaphore Thread Timer local Barrier "
     "ThreadPoolExecutor ProcessPoolExecutor Future Popen PIPE STDOUT DEVNULL "
     "CalledProcessError TimeoutExpired check_call check_output call run "
     "NamedTemporaryFile TemporaryDirectory TemporaryFile mkdtemp mkstemp gettempdir "
     "copyfile copy2 copytree rmtree move which mktime strftime strptime localtime "
     "gmtime monotonic perf_counter process_time time_ns timedelta timezone datetime "
     "date utcnow fromtimestamp isoformat fromisoformat BytesIO StringIO TextIOWrapper "
     "BufferedReader BufferedWriter FileIO IOBase RawIOBase BufferedIOBase TextIOBase "
     "open_code fspath fsencode fsdecode getcwd listdir makedirs mkdir rmdir unlink "
     "remove rename walk scandir stat lstat chmod chown getenv putenv urandom cpu_count "
     "get_terminal_size isatty getpid kill waitpid strerror abspath basename dirname "
     "exists expanduser expandvars isabs isdir isfile islink join normcase normpath "
     "realpath relpath split splitext getsize getmtime commonpath sep pathsep linesep "
     "curdir pardir devnull escape fullmatch finditer IGNORECASE MULTILINE DOTALL VERBOSE "
     "ASCII UNICODE dumps loads JSONDecodeError JSONEncoder JSONDecoder pack unpack "
     "calcsize pack_into unpack_from getrandbits randint randrange choice choices shuffle "
     "sample uniform seed sha1 sha256 md5 new digest hexdigest b64encode b64decode "
     "urlsafe_b64encode urlsafe_b64decode hexlify unhexlify crc32 compress decompress "
     "urlparse urlunparse urljoin urlencode quote unquote quote_plus urlopen Request "
     "ArgumentParser add_argument parse_args add_subparsers Namespace ABC ABCMeta "
     "abstractmethod abstractproperty Enum IntEnum Flag IntFlag auto unique TestCase "
     "main skip skipIf skipUnless expectedFailure mock patch MagicMock Mock call "
     "TypeVar Generic Protocol Literal Final ClassVar NamedTuple TypedDict overload "
     "cast TYPE_CHECKING Sequence MutableMapping MutableSequence AbstractSet Hashable "
     "Sized Container Collection Generator AsyncIterator Awaitable Coroutine NoReturn "
     "Never Self ParamSpec Concatenate Annotated IO TextIO BinaryIO AnyStr SupportsInt "
     "get_type_hints get_origin get_args WeakKeyDictionary WeakValueDictionary WeakSet "
     "ref proxy finalize getrefcount getsizeof exc_info settrace setprofile intern "
     "exit maxsize byteorder version_info hexversion implementation modules path_hooks "
     "meta_path getdefaultencoding getfilesystemencoding getrecursionlimit "
     "setrecursionlimit executable prefix exec_prefix flags float_info warn "
     "simplefilter filterwarnings catch_warnings format_exc print_exc format_exception "
     "print_exception extract_stack extract_tb format_tb walk_tb StackSummary "
     "FrameSummary getframe currentframe dedent indent fill wrap shorten pformat pprint "
     "getpreferredencoding setlocale getlocale lookup register heappush heappop heapify "
     "heapreplace nlargest nsmallest bisect_left bisect_right insort Decimal Fraction "
     "mean median stdev floor ceil sqrt exp log log2 log10 pi inf nan isnan isinf "
     "isclose gcd factorial fsum copysign fabs trunc hypot sin cos tan atan2 radians "
     "degrees uuid4 uuid1 UUID ascii_letters ascii_lowercase ascii_uppercase digits "
     "hexdigits punctuation whitespace printable Template Formatter capwords glob iglob "
     "fnmatch filter getpass getuser gethostname getfqdn gethostbyname create_connection "
     "AF_INET AF_INET6 SOCK_STREAM SOCK_DGRAM SOL_SOCKET SO_REUSEADDR SIGINT SIGTERM "
     "SIGKILL SIG_DFL SIG_IGN Path PurePath PosixPath WindowsPath PurePosixPath "
     "PureWindowsPath CodecInfo getregentry IncrementalEncoder IncrementalDecoder "
     "StreamReader StreamWriter StreamReaderWriter BufferedIncrementalEncoder "
     "BufferedIncrementalDecoder incrementalencoder incrementaldecoder streamreader "
     "streamwriter charmap_encode charmap_decode charmap_build encoding_table "
     "decoding_table getencoder getdecoder getincrementalencoder getincrementaldecoder "
     "getreader getwriter utf_8_encode utf_8_decode BOM_UTF8 lookup_error "
     "register_error strict_errors ignore_errors replace_errors"},
    {PAIR_AC_PROPERTY, PAIR_AC_AFTER_MEMBER | LATER,
     "name value path args kwargs data items text type parent children state result "
     "isspace isalnum isupper islower istitle isidentifier isnumeric isdecimal isascii "
     "isprintable title capitalize center ljust rjust zfill find rfind rindex translate "
     "maketrans expandtabs casefold removeprefix removesuffix format_map popitem fromkeys "
     "clear reverse discard union intersection difference issubset issuperset "
     "symmetric_difference getvalue readline readlines writelines seek tell flush fileno "
     "truncate isatty send throw cancel cancelled result done add_done_callback "
     "set_result set_exception exception acquire release wait notify notify_all start "
     "run is_alive put get_nowait put_nowait qsize empty full task_done appendleft "
     "popleft extendleft rotate most_common elements subtract total groups groupdict "
     "span finditer fullmatch splitext basename dirname abspath isfile isdir mkdir "
     "exists joinpath resolve parent parents stem suffix suffixes with_suffix with_name "
     "read_text write_text read_bytes write_bytes iterdir glob rglob relative_to "
     "is_file is_dir is_absolute as_posix unlink rename touch stat open warn critical "
     "log setLevel addHandler removeHandler setFormatter handlers propagate isEnabledFor "
     "getChild hexdigest digest strftime isoformat timestamp date time replace "
     "astimezone total_seconds days microseconds weekday year month day hour minute "
     "second tzinfo utcoffset __name__ __class__ __dict__ __doc__ __module__ __qualname__ "
     "__init__ __new__ __call__ __enter__ __exit__ __iter__ __next__ __len__ __getitem__ "
     "__setitem__ __delitem__ __contains__ __repr__ __str__ __eq__ __hash__ __code__ "
     "__func__ __self__ __wrapped__ __annotations__ __bases__ __mro__ __subclasses__ "
     "__traceback__ __cause__ __context__ __getstate__ __setstate__ __reduce__ "
     "__reduce_ex__ encode_header add_argument parse_args add_parser add_subparsers "
     "set_defaults error print_help assertNotEqual assertIs assertIsNot assertIsNotNone "
     "assertNotIn assertRaisesRegex assertWarns assertWarnsRegex assertAlmostEqual "
     "assertNotAlmostEqual assertGreater assertGreaterEqual assertLess assertLessEqual "
     "assertCountEqual assertRegex assertNotRegex assertNotIsInstance assertLogs "
     "assertDictEqual assertListEqual assertSequenceEqual assertMultiLineEqual subTest "
     "skipTest addCleanup doCleanups fail maxDiff setUpClass tearDownClass "
     "assert_called_once_with assert_called_with assert_called_once assert_not_called "
     "return_value side_effect call_args call_count called patch object dict "
     "run_until_complete run_forever call_soon call_later create_task create_future "
     "get_event_loop close is_closed is_running add_reader remove_reader sendall recv "
     "recvfrom sendto bind listen accept connect settimeout setsockopt shutdown "
     "makefile getsockname getpeername communicate poll kill terminate returncode pid "
     "stdout stderr stdin wait"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE | LATER,
     "__enter__ __exit__ __getstate__ __setstate__ __reduce__ __reduce_ex__ __del__ "
     "__lt__ __le__ __gt__ __ge__ __ne__ __bool__ __add__ __sub__ __mul__ __truediv__ "
     "__floordiv__ __mod__ __pow__ __neg__ __pos__ __abs__ __invert__ __and__ __or__ "
     "__xor__ __lshift__ __rshift__ __radd__ __rsub__ __rmul__ __rtruediv__ __iadd__ "
     "__isub__ __imul__ __index__ __int__ __float__ __complex__ __format__ __sizeof__ "
     "__copy__ __deepcopy__ __getattribute__ __delattr__ __dir__ __get__ __set__ "
     "__delete__ __set_name__ __init_subclass__ __class_getitem__ __instancecheck__ "
     "__subclasscheck__ __await__ __aiter__ __anext__ __aenter__ __aexit__ __missing__ "
     "__reversed__ __length_hint__ __delitem__ __weakref__ __annotations__ __builtins__ "
     "__spec__ __loader__ __package__ __path__ __version__ __author__ __debug__ "
     "__import__ __future__ __wrapped__ __defaults__ __kwdefaults__ __code__ "
     "__globals__ __closure__ __func__ __self__ __bases__ __mro__ __subclasses__ "
     "__traceback__ __cause__ __context__ __matmul__ __round__ __trunc__ __floor__ "
     "__ceil__ __divmod__ __bytes__ __fspath__ __buffer__ ConnectionResetError "
     "ConnectionRefusedError ConnectionAbortedError ChildProcessError InterruptedError "
     "NotADirectoryError ProcessLookupError BlockingIOError FloatingPointError "
     "ReferenceError SystemError TabError IndentationError UnboundLocalError "
     "UnicodeTranslateError BufferError EncodingWarning FutureWarning ImportWarning "
     "PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning "
     "UnicodeWarning BytesWarning ExceptionGroup BaseExceptionGroup aiter anext "
     "breakpoint ascii help copyright credits license exit quit"},
    {PAIR_AC_FUNCTION, EITHER | LATER,
     "get_content_type get_content_maintype get_content_subtype get_default_type "
     "set_default_type get_payload set_payload get_param set_param get_params del_param "
     "get_filename get_boundary get_charset get_charsets get_all add_header "
     "replace_header is_multipart attach as_string as_bytes policy message_from_string "
     "message_from_bytes EmailMessage MIMEText MIMEMultipart MIMEBase Header "
     "AbstractEventLoop BaseEventLoop Protocol BaseProtocol SubprocessProtocol "
     "DatagramProtocol BufferedProtocol Transport BaseTransport ReadTransport "
     "WriteTransport SubprocessTransport DatagramTransport StreamReaderProtocol "
     "open_connection start_server run_coroutine_threadsafe call_soon_threadsafe "
     "TimerHandle Handle CancelledError InvalidStateError all_tasks current_task "
     "FIRST_COMPLETED ALL_COMPLETED FIRST_EXCEPTION get_loop set_event_loop "
     "iscoroutinefunction Tk Toplevel Frame LabelFrame Button Label Entry Text Canvas "
     "Scrollbar Listbox Menu Menubutton Checkbutton Radiobutton Scale Spinbox Message "
     "PanedWindow StringVar IntVar BooleanVar DoubleVar PhotoImage Event mainloop pack "
     "grid place pack_forget grid_forget config configure cget bind unbind "
     "bind_all event_generate after after_idle after_cancel update_idletasks "
     "winfo_width winfo_height winfo_x winfo_y winfo_toplevel protocol destroy "
     "withdraw deiconify geometry title resizable focus_set focus_get tag_add "
     "tag_remove tag_config tag_configure tag_bind tag_ranges tag_names mark_set "
     "index see yview xview insert delete END INSERT SEL SEL_FIRST SEL_LAST NORMAL "
     "DISABLED ACTIVE HIDDEN LEFT RIGHT TOP BOTTOM BOTH X Y N S E W NS EW NSEW "
     "HORIZONTAL VERTICAL SUNKEN RAISED FLAT GROOVE RIDGE WORD CHAR TclError "
     "initscr endwin newwin wrefresh refresh getch getkey addstr addch clear erase "
     "noecho echo cbreak nocbreak keypad curs_set start_color init_pair color_pair "
     "has_colors use_default_colors A_BOLD A_NORMAL A_REVERSE A_UNDERLINE A_DIM "
     "A_STANDOUT A_BLINK COLOR_BLACK COLOR_RED COLOR_GREEN COLOR_YELLOW COLOR_BLUE "
     "COLOR_MAGENTA COLOR_CYAN COLOR_WHITE KEY_UP KEY_DOWN KEY_LEFT KEY_RIGHT KEY_ENTER "
     "KEY_BACKSPACE KEY_HOME KEY_END KEY_NPAGE KEY_PPAGE KEY_DC KEY_IC KEY_RESIZE "
     "KEY_MOUSE error wrapper HTTPServer BaseHTTPRequestHandler SimpleHTTPRequestHandler "
     "HTTPConnection HTTPSConnection HTTPResponse HTTPStatus HTTPError URLError "
     "send_response send_header end_headers send_error wfile rfile getresponse "
     "getheader getheaders ElementTree Element SubElement fromstring tostring "
     "parse iterparse XMLParser TreeBuilder findtext iter itertext getroot "
     "SSLContext wrap_socket create_default_context PROTOCOL_TLS_CLIENT CERT_REQUIRED "
     "Connection Cursor execute executemany executescript fetchone fetchall "
     "fetchmany commit rollback lastrowid rowcount row_factory Row"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE | LATER | ORDERED,
     ERRNO_SIGNALS
     " ; ENDMARKER NAME NUMBER STRING NEWLINE INDENT "
     "DEDENT LPAR RPAR LSQB RSQB COLON COMMA SEMI PLUS MINUS STAR SLASH VBAR AMPER LESS "
     "GREATER EQUAL DOT PERCENT LBRACE RBRACE EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE "
     "CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL "
     "PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL "
     "DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL RARROW ELLIPSIS COLONEQUAL "
     "EXCLAMATION OP AWAIT ASYNC TYPE_IGNORE TYPE_COMMENT SOFT_KEYWORD FSTRING_START "
     "FSTRING_MIDDLE FSTRING_END COMMENT NL ERRORTOKEN ENCODING N_TOKENS NT_OFFSET ; KEY_BREAK "
     "KEY_DOWN KEY_UP KEY_LEFT KEY_RIGHT KEY_HOME KEY_BACKSPACE KEY_F0 ; KEY_DL KEY_IL KEY_DC "
     "KEY_IC KEY_EIC KEY_CLEAR KEY_EOS KEY_EOL KEY_SF KEY_SR KEY_NPAGE KEY_PPAGE KEY_STAB "
     "KEY_CTAB KEY_CATAB KEY_ENTER KEY_SRESET KEY_RESET KEY_PRINT KEY_LL KEY_A1 KEY_A3 KEY_B2 "
     "KEY_C1 KEY_C3 KEY_BTAB KEY_BEG KEY_CANCEL KEY_CLOSE KEY_COMMAND KEY_COPY KEY_CREATE "
     "KEY_END KEY_EXIT KEY_FIND KEY_HELP KEY_MARK KEY_MESSAGE KEY_MOVE KEY_NEXT KEY_OPEN "
     "KEY_OPTIONS KEY_PREVIOUS KEY_REDO KEY_REFERENCE KEY_REFRESH KEY_REPLACE KEY_RESTART "
     "KEY_RESUME KEY_SAVE KEY_SBEG KEY_SCANCEL KEY_SCOMMAND KEY_SCOPY KEY_SCREATE KEY_SDC "
     "KEY_SDL KEY_SELECT KEY_SEND KEY_SEOL KEY_SEXIT KEY_SFIND KEY_SHELP KEY_SHOME KEY_SIC "
     "KEY_SLEFT KEY_SMESSAGE KEY_SMOVE KEY_SNEXT KEY_SOPTIONS KEY_SPREVIOUS KEY_SPRINT "
     "KEY_SREDO KEY_SREPLACE KEY_SRIGHT KEY_SRSUME KEY_SSAVE KEY_SSUSPEND KEY_SUNDO "
     "KEY_SUSPEND KEY_UNDO KEY_MOUSE KEY_RESIZE KEY_MAX ; CRITICAL FATAL ERROR WARNING WARN "
     "INFO DEBUG NOTSET ; CONTINUE SWITCHING_PROTOCOLS PROCESSING EARLY_HINTS OK CREATED "
     "ACCEPTED NON_AUTHORITATIVE_INFORMATION NO_CONTENT RESET_CONTENT PARTIAL_CONTENT "
     "MULTI_STATUS ALREADY_REPORTED IM_USED MULTIPLE_CHOICES MOVED_PERMANENTLY FOUND SEE_OTHER "
     "NOT_MODIFIED USE_PROXY TEMPORARY_REDIRECT PERMANENT_REDIRECT BAD_REQUEST UNAUTHORIZED "
     "PAYMENT_REQUIRED FORBIDDEN NOT_FOUND METHOD_NOT_ALLOWED NOT_ACCEPTABLE "
     "PROXY_AUTHENTICATION_REQUIRED REQUEST_TIMEOUT CONFLICT GONE LENGTH_REQUIRED "
     "PRECONDITION_FAILED REQUEST_ENTITY_TOO_LARGE REQUEST_URI_TOO_LONG UNSUPPORTED_MEDIA_TYPE "
     "REQUESTED_RANGE_NOT_SATISFIABLE EXPECTATION_FAILED IM_A_TEAPOT MISDIRECTED_REQUEST "
     "UNPROCESSABLE_ENTITY LOCKED FAILED_DEPENDENCY TOO_EARLY UPGRADE_REQUIRED "
     "PRECONDITION_REQUIRED TOO_MANY_REQUESTS REQUEST_HEADER_FIELDS_TOO_LARGE "
     "UNAVAILABLE_FOR_LEGAL_REASONS INTERNAL_SERVER_ERROR NOT_IMPLEMENTED BAD_GATEWAY "
     "SERVICE_UNAVAILABLE GATEWAY_TIMEOUT HTTP_VERSION_NOT_SUPPORTED VARIANT_ALSO_NEGOTIATES "
     "INSUFFICIENT_STORAGE LOOP_DETECTED NOT_EXTENDED NETWORK_AUTHENTICATION_REQUIRED ; "
     "ST_MODE ST_INO ST_DEV ST_NLINK ST_UID ST_GID ST_SIZE ST_ATIME ST_MTIME ST_CTIME ; "
     "st_mode st_ino st_dev st_nlink st_uid st_gid st_size st_atime st_mtime st_ctime ; "
     "tm_year tm_mon tm_mday tm_hour tm_min tm_sec tm_wday tm_yday tm_isdst tm_zone tm_gmtoff "
     "; LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY LC_MESSAGES LC_ALL ; RLIMIT_CPU "
     "RLIMIT_FSIZE RLIMIT_DATA RLIMIT_STACK RLIMIT_CORE RLIMIT_RSS RLIMIT_NPROC RLIMIT_NOFILE "
     "RLIMIT_MEMLOCK RLIMIT_AS ; SEEK_SET SEEK_CUR SEEK_END ; O_RDONLY O_WRONLY O_RDWR "
     "O_APPEND O_CREAT O_EXCL O_TRUNC ; F_OK R_OK W_OK X_OK ; S_IFDIR S_IFCHR S_IFBLK S_IFREG "
     "S_IFIFO S_IFLNK S_IFSOCK ; ELEMENT_NODE ATTRIBUTE_NODE TEXT_NODE CDATA_SECTION_NODE "
     "ENTITY_REFERENCE_NODE ENTITY_NODE PROCESSING_INSTRUCTION_NODE COMMENT_NODE DOCUMENT_NODE "
     "DOCUMENT_TYPE_NODE DOCUMENT_FRAGMENT_NODE NOTATION_NODE ; SHOW_ALL SHOW_ELEMENT "
     "SHOW_ATTRIBUTE SHOW_TEXT SHOW_CDATA_SECTION SHOW_ENTITY_REFERENCE SHOW_ENTITY "
     "SHOW_PROCESSING_INSTRUCTION SHOW_COMMENT SHOW_DOCUMENT SHOW_DOCUMENT_TYPE "
     "SHOW_DOCUMENT_FRAGMENT SHOW_NOTATION ; FILTER_ACCEPT FILTER_REJECT FILTER_SKIP ; "
     "DOCUMENT_POSITION_DISCONNECTED DOCUMENT_POSITION_PRECEDING DOCUMENT_POSITION_FOLLOWING "
     "DOCUMENT_POSITION_CONTAINS DOCUMENT_POSITION_CONTAINED_BY "
     "DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC ;"},
    {PAIR_AC_FUNCTION, EITHER | LATER,
     "getuid getgid geteuid getegid getgroups setuid setgid seteuid setegid getpgid setpgid "
     "getpgrp getsid setsid getppid getlogin uname umask nice times getloadavg sysconf confstr "
     "pathconf fpathconf ttyname openpty forkpty killpg waitid wait3 wait4 WEXITSTATUS "
     "WIFEXITED WIFSIGNALED WTERMSIG WIFSTOPPED WSTOPSIG WCOREDUMP WNOHANG WUNTRACED "
     "WCONTINUED spawnl spawnv spawnve posix_spawn get_inheritable set_inheritable "
     "get_blocking set_blocking pipe2 mkfifo mknod makedev statvfs fstatvfs lchown chroot "
     "fchdir fchmod fchown fdatasync fsync ftruncate lseek readv writev sendfile symlink "
     "readlink link utime removedirs renames DirEntry fwalk get_exec_path environb "
     "memfd_create sched_yield sched_getaffinity getrandom getrlimit setrlimit getrusage "
     "getpagesize RUSAGE_SELF RUSAGE_CHILDREN RLIM_INFINITY getpwuid getpwnam getpwall "
     "getgrgid getgrnam getgrall struct_passwd getsignal setitimer getitimer pthread_kill "
     "pthread_sigmask sigwait set_wakeup_fd siginterrupt ITIMER_REAL default_int_handler "
     "valid_signals raise_signal strsignal Signals Handlers asctime ctime struct_time altzone "
     "daylight tzname tzset get_clock_info thread_time monotonic_ns perf_counter_ns "
     "current_thread main_thread active_count get_ident get_native_id stack_size excepthook "
     "start_new_thread allocate_lock interrupt_main LockType LifoQueue PriorityQueue "
     "SimpleQueue Empty Full MessageError MessageParseError HeaderParseError BoundaryError "
     "MultipartConversionError CharsetError MessageDefect NoBoundaryInMultipartDefect "
     "StartBoundaryNotFoundDefect CloseBoundaryNotFoundDefect "
     "FirstHeaderLineIsContinuationDefect MisplacedEnvelopeHeaderDefect "
     "MissingHeaderBodySeparatorDefect MalformedHeaderDefect MultipartInvariantViolationDefect "
     "InvalidMultipartContentTransferEncodingDefect UndecodableBytesDefect "
     "InvalidBase64PaddingDefect InvalidBase64CharactersDefect InvalidBase64LengthDefect "
     "HeaderDefect InvalidHeaderDefect HeaderMissingRequiredValue NonPrintableDefect "
     "ObsoleteHeaderDefect NonASCIILocalPartDefect InvalidDateDefect Parser BytesParser "
     "HeaderParser BytesHeaderParser FeedParser BytesFeedParser parsestr parsebytes "
     "message_from_file message_from_binary_file ZipFile ZipInfo ZIP_STORED ZIP_DEFLATED "
     "ZIP_BZIP2 ZIP_LZMA BadZipFile LargeZipFile is_zipfile namelist infolist getinfo "
     "extractall writestr testzip setpassword TarFile TarInfo is_tarfile getnames extractfile "
     "addfile gettarinfo minidom parseString getDOMImplementation createDocument "
     "createTextNode documentElement childNodes firstChild nodeType nodeName nodeValue tagName "
     "getElementsByTagName appendChild removeChild toxml toprettyxml Node Document Attr "
     "DocumentType DOMImplementation EMPTY_NAMESPACE XML_NAMESPACE XMLNS_NAMESPACE "
     "XHTML_NAMESPACE getAttributeNS setAttributeNS removeAttribute namespaceURI ownerDocument "
     "parentNode nextSibling previousSibling lastChild IndexSizeErr HierarchyRequestErr "
     "WrongDocumentErr NotFoundErr NotSupportedErr InvalidStateErr InvalidCharacterErr "
     "NamespaceErr PARSE_DECLTYPES PARSE_COLNAMES register_adapter register_converter "
     "complete_statement DatabaseError IntegrityError OperationalError ProgrammingError "
     "InterfaceError DataError NotSupportedError dbapi2 DefaultSelector EVENT_READ EVENT_WRITE "
     "epoll kqueue POLLIN POLLOUT POLLERR POLLHUP POLLPRI run_unittest captured_stdout "
     "captured_stderr captured_stdin swap_attr swap_item requires cpython_only "
     "requires_resource is_resource_enabled TESTFN findfile check_warnings check_syntax_error "
     "gc_collect bigmemtest reap_children threading_helper socket_helper os_helper "
     "import_helper warnings_helper script_helper assert_python_ok assert_python_failure "
     "SHORT_TIMEOUT LOOPBACK_TIMEOUT INTERNET_TIMEOUT LONG_TIMEOUT requires_subprocess "
     "requires_fork requires_working_threading has_subprocess_support skip_unless_symlink "
     "infinite_recursion catch_unraisable_exception disable_gc no_tracing refcount_test "
     "anticipate_failure Py_DEBUG MISSING_C_DOCSTRINGS requires_zlib requires_gzip "
     "requires_bz2 requires_lzma sortdict run_doctest temp_dir temp_cwd change_cwd "
     "EnvironmentVarGuard load_package_tests isoweekday isocalendar fromordinal toordinal "
     "utcfromtimestamp combine MINYEAR MAXYEAR getdefaultlocale normalize localeconv "
     "nl_langinfo CODESET strcoll strxfrm atof atoi open_new open_new_tab get_terminal_size "
     "terminal_size mimetypes guess_type guess_extension add_type getaddrinfo gethostbyaddr "
     "getservbyname getprotobyname socketpair fromfd inet_aton inet_ntoa inet_pton inet_ntop "
     "htons ntohs htonl ntohl create_server has_ipv6 SOCK_RAW SO_KEEPALIVE SO_BROADCAST "
     "SO_RCVBUF SO_SNDBUF IPPROTO_TCP IPPROTO_UDP IPPROTO_IP TCP_NODELAY SHUT_RD SHUT_WR "
     "SHUT_RDWR AF_UNIX compress_object decompressobj compressobj adler32 MAX_WBITS DEFLATED "
     "Z_BEST_COMPRESSION Z_BEST_SPEED Z_DEFAULT_COMPRESSION abstractclassmethod "
     "abstractstaticmethod get_cache_token"},
    {PAIR_AC_PROPERTY, PAIR_AC_AFTER_MEMBER | LATER,
     "rpartition rsplit rstrip lstrip splitlines isspace swapcase f_back f_code f_locals "
     "f_globals f_builtins f_lineno f_lasti f_trace tb_frame tb_lineno tb_next tb_lasti "
     "co_name co_filename co_firstlineno co_argcount co_posonlyargcount co_kwonlyargcount "
     "co_nlocals co_varnames co_cellvars co_freevars co_code co_consts co_names co_flags "
     "co_stacksize co_qualname co_lines co_positions gi_frame gi_code gi_running gi_yieldfrom "
     "cr_frame cr_code cr_await cr_running ag_frame with_traceback add_note __notes__ errno "
     "strerror filename filename2 winerror characters_written lineno offset msg end_lineno "
     "end_offset reason object exceptions daemon ident native_id isDaemon setDaemon getName "
     "setName is_set locked getsockopt setblocking gettimeout recv_into recvfrom_into sendmsg "
     "recvmsg family proto st_mode st_ino st_dev st_nlink st_uid st_gid st_size st_atime "
     "st_mtime st_ctime st_blocks st_blksize st_rdev st_flags st_atime_ns st_mtime_ns "
     "st_ctime_ns tm_year tm_mon tm_mday tm_hour tm_min tm_sec tm_wday tm_yday tm_isdst "
     "tm_zone tm_gmtoff pw_name pw_passwd pw_uid pw_gid pw_gecos pw_dir pw_shell gr_name "
     "gr_gid gr_mem ru_utime ru_stime ru_maxrss is_alive"},
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
    {PAIR_AC_VARIABLE, EITHER | LATER,
     "options name value key data result args callback err error node state props context "
     "config type index item items list str text line start end pos offset length size "
     "count source target parent child children element el event e fn func obj object "
     "opts res req response request url path file files dir module exports require "
     "prefix suffix params param input output stream buffer chunk chunks encoding headers "
     "body status method handler listener listeners id key keys values entries map set "
     "cache store action actions payload dispatch reducer reducers selector selectors "
     "middleware view tree token tokens stack queue pending current next prev previous "
     "first last left right top bottom width height min max from to range ranges changes "
     "update updates transaction tr doc editor config extensions plugin plugins loader "
     "message msg info warning debug level timeout delay interval timer promise resolve "
     "reject then done signal controller abort socket client server host port protocol "
     "hostname pathname search hash origin query body cookie cookies session user style "
     "styles className attributes attrs attr tag tagName nodeName nodeType document "
     "window global globalObject impl wrapper instance ctor constructor proto prototype "
     "descriptor property properties fields field schema rules rule match matches "
     "pattern regex flags mode kind format locale lang language parser parse tokenizer "
     "lexer scanner ast expr expression statement block scope env visitor walk traverse "
     "path cwd root base filename dirname extname basename resolved content contents "
     "format formatter stringify serialize deserialize clone copy merge assign extend "
     "defaults default defaultValue initialValue initialState newState prevState "
     "nextState oldValue newValue isArray isObject isString isFunction isNumber "
     "isUndefined isNull noop identity hasOwn hasOwnProperty toString valueOf "
     "toStringTag iterator asyncIterator inspect util utils helpers helper constants "
     "version emit on off once close open write read end destroy destroyed closed "
     "finished ended readable writable pipe unpipe resume pause cb next done"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE | LATER,
     "Function Uint16Array Uint32Array Int8Array Int16Array Float32Array Uint8ClampedArray "
     "BigInt64Array BigUint64Array SharedArrayBuffer Atomics WeakRef FinalizationRegistry "
     "AggregateError EvalError ReferenceError URIError encodeURI decodeURI escape unescape "
     "isFinite eval AbortController AbortSignal TextEncoder TextDecoder Blob File "
     "FileReader FormData Headers Request Response ReadableStream WritableStream "
     "TransformStream EventTarget CustomEvent MessageChannel MessagePort Worker "
     "performance crypto atob btoa setImmediate clearImmediate HTMLInputElement "
     "HTMLDivElement HTMLCanvasElement Element Text Comment DocumentFragment Document "
     "KeyboardEvent MouseEvent PointerEvent FocusEvent InputEvent TouchEvent "
     "MutationObserver ResizeObserver IntersectionObserver getComputedStyle "
     "cancelAnimationFrame matchMedia alert confirm prompt sessionStorage history "
     "customElements XMLHttpRequest WebSocket Image Audio DOMParser Range Selection "
     "NodeFilter __dirname __filename exports module"},
    {PAIR_AC_PROPERTY, PAIR_AC_AFTER_MEMBER | LATER,
     "match matchAll close open emit on off once write read end destroy pipe resume pause "
     "flat flatMap findIndex findLast findLastIndex lastIndexOf fill copyWithin at with "
     "toSorted toReversed toSpliced reduceRight trimStart trimEnd padEnd repeat "
     "localeCompare normalize codePointAt fromCodePoint raw search replaceAll "
     "toFixed toPrecision toLocaleString toISOString toJSON getTime getFullYear getMonth "
     "getDate getDay getHours getMinutes getSeconds getMilliseconds setTime "
     "getTimezoneOffset isInteger isFinite isSafeInteger MAX_SAFE_INTEGER "
     "MIN_SAFE_INTEGER EPSILON parseFloat parseInt keys values entries fromEntries "
     "getOwnPropertyNames getOwnPropertyDescriptor getOwnPropertyDescriptors "
     "getOwnPropertySymbols defineProperties setPrototypeOf isFrozen seal isSealed "
     "preventExtensions isExtensible is hasOwn allSettled any finally iterator "
     "asyncIterator toStringTag hasInstance species for description sqrt pow log exp "
     "sign trunc hypot log2 log10 sin cos atan2 PI imul clz32 fround delete has add "
     "forEach clear get set size then catch call apply bind constructor prototype "
     "__proto__ name length message stack cause code errno syscall path type target "
     "currentTarget detail key code keyCode ctrlKey shiftKey altKey metaKey button "
     "clientX clientY pageX pageY offsetX offsetY deltaY deltaX timeStamp "
     "defaultPrevented isTrusted dataset classList className id tagName nodeName "
     "nodeType nodeValue parentNode parentElement childNodes firstChild lastChild "
     "nextSibling previousSibling firstElementChild lastElementChild "
     "nextElementSibling previousElementSibling ownerDocument documentElement body "
     "head activeElement getAttribute setAttribute removeAttribute hasAttribute "
     "getAttributeNS setAttributeNS attributes insertBefore removeChild replaceChild "
     "cloneNode contains append prepend before after remove replaceWith "
     "replaceChildren insertAdjacentHTML insertAdjacentElement outerHTML innerText "
     "createTextNode createDocumentFragment createComment createElementNS "
     "getElementsByTagName getElementsByClassName closest matches focus blur click "
     "scrollIntoView getBoundingClientRect getClientRects scrollTop scrollLeft "
     "scrollHeight scrollWidth clientHeight clientWidth offsetHeight offsetWidth "
     "offsetTop offsetLeft offsetParent dispatchEvent toggle replace item "
     "namespaceURI localName prefix data value checked disabled selected "
     "selectionStart selectionEnd style cssText setProperty getPropertyValue "
     "removeProperty display position width height top left right bottom readyState "
     "status statusText responseText headers ok json text blob arrayBuffer formData "
     "signal aborted abort reason exports require resolve cache env argv cwd exit "
     "platform nextTick stdout stderr stdin pid hrtime memoryUsage emitWarning "
     "readFileSync writeFileSync existsSync readdirSync statSync mkdirSync "
     "readFile writeFile join dirname basename extname relative isAbsolute sep "
     "from alloc allocUnsafe concat byteLength isBuffer subarray readUInt8 "
     "writeUInt8 toJSON equals compare copy inspect format promisify deprecate "
     "inherits isDeepStrictEqual types strictEqual deepEqual deepStrictEqual "
     "notStrictEqual ok throws rejects doesNotThrow fail equal notEqual to be eql "
     "include deep property lengthOf instanceOf exist true false null undefined "
     "calledWith toBe toEqual toHaveBeenCalled toHaveBeenCalledWith toThrow "
     "toStrictEqual toMatch toContain toBeTruthy toBeFalsy toBeNull toBeUndefined "
     "toBeDefined toHaveLength toHaveProperty toMatchObject toMatchSnapshot not "
     "resolves mockReturnValue mockImplementation mockResolvedValue fn spyOn mock "
     "dispatch getState subscribe replaceReducer payload actions reducer "
     "createSlice configureStore createAction createReducer createAsyncThunk "
     "createSelector combineReducers applyMiddleware compose bindActionCreators "
     "useState useEffect useRef useMemo useCallback useContext useReducer "
     "useLayoutEffect useId useSyncExternalStore useTransition useDeferredValue "
     "createContext createRef forwardRef memo lazy Fragment StrictMode Suspense "
     "createElement cloneElement isValidElement Children createRoot render hydrate "
     "createPortal flushSync state doc selection changes effects dispatch view "
     "update from to anchor head main ranges line lineAt sliceDoc sliceString lines "
     "number facet of compute define extension reconfigure field transaction "
     "annotation mapPos docChanged selectionSet startState newDoc iter next value "
     "done return throw"},
    {PAIR_AC_BUILTIN, EITHER | LATER | ORDERED,
     "ELEMENT_NODE ATTRIBUTE_NODE TEXT_NODE CDATA_SECTION_NODE ENTITY_REFERENCE_NODE "
     "ENTITY_NODE PROCESSING_INSTRUCTION_NODE COMMENT_NODE DOCUMENT_NODE DOCUMENT_TYPE_NODE "
     "DOCUMENT_FRAGMENT_NODE NOTATION_NODE ; SHOW_ALL SHOW_ELEMENT SHOW_ATTRIBUTE SHOW_TEXT "
     "SHOW_CDATA_SECTION SHOW_ENTITY_REFERENCE SHOW_ENTITY SHOW_PROCESSING_INSTRUCTION "
     "SHOW_COMMENT SHOW_DOCUMENT SHOW_DOCUMENT_TYPE SHOW_DOCUMENT_FRAGMENT SHOW_NOTATION ; "
     "FILTER_ACCEPT FILTER_REJECT FILTER_SKIP ; DOCUMENT_POSITION_DISCONNECTED "
     "DOCUMENT_POSITION_PRECEDING DOCUMENT_POSITION_FOLLOWING DOCUMENT_POSITION_CONTAINS "
     "DOCUMENT_POSITION_CONTAINED_BY DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC ; NONE "
     "CAPTURING_PHASE AT_TARGET BUBBLING_PHASE ; UNSENT OPENED HEADERS_RECEIVED LOADING DONE ; "
     "CONNECTING OPEN CLOSING CLOSED ; DOM_KEY_LOCATION_STANDARD DOM_KEY_LOCATION_LEFT "
     "DOM_KEY_LOCATION_RIGHT DOM_KEY_LOCATION_NUMPAD ; HAVE_NOTHING HAVE_METADATA "
     "HAVE_CURRENT_DATA HAVE_FUTURE_DATA HAVE_ENOUGH_DATA ; NETWORK_EMPTY NETWORK_IDLE "
     "NETWORK_LOADING NETWORK_NO_SOURCE ; EMPTY LOADING DONE ; SIGHUP SIGINT SIGQUIT SIGILL "
     "SIGTRAP SIGABRT SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV SIGUSR2 SIGPIPE SIGALRM SIGTERM ; "
     "getFullYear getMonth getDate getDay getHours getMinutes getSeconds getMilliseconds ; "
     "getUTCFullYear getUTCMonth getUTCDate getUTCDay getUTCHours getUTCMinutes getUTCSeconds "
     "getUTCMilliseconds ; setFullYear setMonth setDate setHours setMinutes setSeconds "
     "setMilliseconds ; setUTCFullYear setUTCMonth setUTCDate setUTCHours setUTCMinutes "
     "setUTCSeconds setUTCMilliseconds ; toString toDateString toTimeString toLocaleString "
     "toLocaleDateString toLocaleTimeString ; Int8Array Uint8Array Uint8ClampedArray "
     "Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array "
     "BigUint64Array ; apply construct defineProperty deleteProperty get "
     "getOwnPropertyDescriptor getPrototypeOf has isExtensible ownKeys preventExtensions set "
     "setPrototypeOf ;"},
    {PAIR_AC_PROPERTY, EITHER | LATER,
     "formatToParts resolvedOptions supportedLocalesOf formatRange formatRangeToParts "
     "selectRange toLocaleDateString toLocaleTimeString toDateString toTimeString toUTCString "
     "getUTCFullYear getUTCMonth getUTCDate getUTCDay getUTCHours getUTCMinutes getUTCSeconds "
     "getUTCMilliseconds setFullYear setMonth setDate setHours setMinutes setSeconds "
     "setMilliseconds setUTCFullYear setUTCMonth setUTCDate setUTCHours setUTCMinutes "
     "setUTCSeconds setUTCMilliseconds getYear deref register unregister ownKeys "
     "deleteProperty construct isConcatSpreadable toPrimitive unscopables f16round fround cbrt "
     "expm1 log1p sinh cosh tanh asinh acosh atanh asin acos atan LN2 LN10 LOG2E LOG10E SQRT2 "
     "SQRT1_2 MAX_VALUE MIN_VALUE POSITIVE_INFINITY NEGATIVE_INFINITY groupBy withResolvers "
     "fromAsync isWellFormed toWellFormed byteOffset byteLength getInt8 getUint8 getInt16 "
     "getUint16 getInt32 getUint32 getFloat32 getFloat64 getBigInt64 getBigUint64 setInt8 "
     "setUint8 setInt16 setUint16 setInt32 setUint32 setFloat32 setFloat64 BYTES_PER_ELEMENT "
     "buffer parentNode childNodes nodeValue ownerDocument isConnected getRootNode "
     "hasChildNodes normalize isEqualNode isSameNode compareDocumentPosition lookupPrefix "
     "lookupNamespaceURI isDefaultNamespace baseURI textContent getAttributeNames "
     "toggleAttribute hasAttributes attachShadow shadowRoot slot assignedSlot assignedNodes "
     "assignedElements part requestFullscreen requestPointerLock scrollTo scrollBy scroll "
     "animate getAnimations insertAdjacentText webkitMatchesSelector setPointerCapture "
     "releasePointerCapture hasPointerCapture checkVisibility addEventListener "
     "removeEventListener dispatchEvent preventDefault stopImmediatePropagation composedPath "
     "bubbles cancelable composed eventPhase returnValue srcElement innerWidth innerHeight "
     "outerWidth outerHeight scrollX scrollY pageXOffset pageYOffset devicePixelRatio screenX "
     "screenY open close print postMessage getSelection requestIdleCallback cancelIdleCallback "
     "hidden tabIndex title lang dir accessKey draggable spellcheck autocapitalize "
     "contentEditable isContentEditable inputMode enterKeyHint nonce popover showPopover "
     "hidePopover togglePopover href protocol host hostname port pathname search hash origin "
     "username password searchParams assign reload getContext toDataURL toBlob "
     "transferControlToOffscreen captureStream videoTracks audioTracks textTracks currentTime "
     "duration paused ended muted volume playbackRate play load canPlayType readyState "
     "networkState buffered seekable seeking autoplay controls loop preload currentSrc "
     "srcObject poster videoWidth videoHeight createElementNS createAttribute "
     "createAttributeNS createCDATASection createProcessingInstruction createEvent createRange "
     "createNodeIterator createTreeWalker importNode adoptNode getElementsByName "
     "elementFromPoint elementsFromPoint hasFocus execCommand queryCommandState designMode "
     "visibilityState cookie referrer domain forms images links scripts styleSheets "
     "defaultView responseType responseURL responseXML upload withCredentials setRequestHeader "
     "getResponseHeader getAllResponseHeaders overrideMimeType onreadystatechange onmessage "
     "onmessageerror onerror onload onopen onclose onabort onprogress onloadstart onloadend "
     "ontimeout onchange oninput onclick onkeydown onkeyup onfocus onblur onsubmit onresize "
     "onscroll"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE | LATER,
     "ArrayConstructor ObjectConstructor FunctionConstructor StringConstructor "
     "NumberConstructor BooleanConstructor SymbolConstructor BigIntConstructor DateConstructor "
     "RegExpConstructor ErrorConstructor EvalErrorConstructor RangeErrorConstructor "
     "ReferenceErrorConstructor SyntaxErrorConstructor TypeErrorConstructor "
     "URIErrorConstructor AggregateErrorConstructor PromiseConstructor MapConstructor "
     "SetConstructor WeakMapConstructor WeakSetConstructor WeakRefConstructor "
     "FinalizationRegistryConstructor ProxyConstructor ArrayBufferConstructor "
     "SharedArrayBufferConstructor DataViewConstructor GeneratorFunctionConstructor "
     "AsyncGeneratorFunctionConstructor AsyncFunctionConstructor Int8ArrayConstructor "
     "Uint8ArrayConstructor Uint8ClampedArrayConstructor Int16ArrayConstructor "
     "Uint16ArrayConstructor Int32ArrayConstructor Uint32ArrayConstructor "
     "Float32ArrayConstructor Float64ArrayConstructor BigInt64ArrayConstructor "
     "BigUint64ArrayConstructor IteratorObject AsyncIteratorObject ArrayIterator MapIterator "
     "SetIterator StringIterator IteratorResult IteratorYieldResult IteratorReturnResult "
     "BuiltinIteratorReturn AsyncGeneratorFunction AsyncFunction Disposable AsyncDisposable "
     "DisposableStack AsyncDisposableStack SuppressedError PromiseSettledResult "
     "PromiseFulfilledResult PromiseRejectedResult ProxyHandler WeakRef FinalizationRegistry "
     "WeakKey Atomics SharedArrayBuffer DataView ArrayBufferTypes TypedArray Intl "
     "DateTimeFormat NumberFormat Collator PluralRules RelativeTimeFormat ListFormat Segmenter "
     "DisplayNames Locale DateTimeFormatOptions NumberFormatOptions CollatorOptions "
     "PluralRulesOptions RelativeTimeFormatOptions ListFormatOptions SegmenterOptions "
     "DisplayNamesOptions LocaleOptions ResolvedDateTimeFormatOptions "
     "ResolvedNumberFormatOptions ResolvedCollatorOptions ResolvedPluralRulesOptions "
     "ResolvedRelativeTimeFormatOptions ResolvedListFormatOptions ResolvedSegmenterOptions "
     "ResolvedDisplayNamesOptions DateTimeFormatPart NumberFormatPart RelativeTimeFormatPart "
     "LDMLPluralRule LocalesArgument UnicodeBCP47LocaleIdentifier BCP47LanguageTag "
     "DateTimeRangeFormatPart NumberRangeFormatPart HTMLAnchorElement HTMLAreaElement "
     "HTMLAudioElement HTMLBRElement HTMLBaseElement HTMLBodyElement HTMLButtonElement "
     "HTMLCanvasElement HTMLDListElement HTMLDataElement HTMLDataListElement "
     "HTMLDetailsElement HTMLDialogElement HTMLDivElement HTMLEmbedElement HTMLFieldSetElement "
     "HTMLFormElement HTMLHRElement HTMLHeadElement HTMLHeadingElement HTMLHtmlElement "
     "HTMLIFrameElement HTMLImageElement HTMLInputElement HTMLLIElement HTMLLabelElement "
     "HTMLLegendElement HTMLLinkElement HTMLMapElement HTMLMediaElement HTMLMenuElement "
     "HTMLMetaElement HTMLMeterElement HTMLModElement HTMLOListElement HTMLObjectElement "
     "HTMLOptGroupElement HTMLOptionElement HTMLOutputElement HTMLParagraphElement "
     "HTMLPictureElement HTMLPreElement HTMLProgressElement HTMLQuoteElement HTMLScriptElement "
     "HTMLSelectElement HTMLSlotElement HTMLSourceElement HTMLSpanElement HTMLStyleElement "
     "HTMLTableCaptionElement HTMLTableCellElement HTMLTableColElement HTMLTableElement "
     "HTMLTableRowElement HTMLTableSectionElement HTMLTemplateElement HTMLTextAreaElement "
     "HTMLTimeElement HTMLTitleElement HTMLTrackElement HTMLUListElement HTMLUnknownElement "
     "HTMLVideoElement HTMLElementTagNameMap HTMLFormControlsCollection HTMLOptionsCollection "
     "HTMLAllCollection SVGElement SVGSVGElement SVGGraphicsElement SVGGeometryElement "
     "SVGAElement SVGAnimateElement SVGAnimateMotionElement SVGAnimateTransformElement "
     "SVGAnimationElement SVGCircleElement SVGClipPathElement SVGDefsElement SVGDescElement "
     "SVGEllipseElement SVGFEBlendElement SVGFEColorMatrixElement SVGFECompositeElement "
     "SVGFEFloodElement SVGFEGaussianBlurElement SVGFEImageElement SVGFEMergeElement "
     "SVGFEOffsetElement SVGFilterElement SVGForeignObjectElement SVGGElement SVGImageElement "
     "SVGLineElement SVGLinearGradientElement SVGMarkerElement SVGMaskElement "
     "SVGMetadataElement SVGPathElement SVGPatternElement SVGPolygonElement SVGPolylineElement "
     "SVGRadialGradientElement SVGRectElement SVGScriptElement SVGStopElement SVGStyleElement "
     "SVGSwitchElement SVGSymbolElement SVGTSpanElement SVGTextElement SVGTextContentElement "
     "SVGTextPathElement SVGTitleElement SVGUseElement SVGViewElement SVGElementTagNameMap "
     "SVGLength SVGAngle SVGNumber SVGPoint SVGMatrix SVGRect SVGTransform SVGAnimatedLength "
     "SVGAnimatedString SVGAnimatedNumber SVGAnimatedBoolean SVGAnimatedRect "
     "SVGAnimatedTransformList SVGTransformList SVGLengthList SVGNumberList SVGPointList "
     "SVGStringList AnimationEvent ClipboardEvent CloseEvent CompositionEvent DragEvent "
     "ErrorEvent HashChangeEvent MessageEvent PageTransitionEvent PopStateEvent ProgressEvent "
     "PromiseRejectionEvent StorageEvent SubmitEvent TransitionEvent UIEvent WheelEvent "
     "GamepadEvent DeviceMotionEvent DeviceOrientationEvent MediaQueryListEvent "
     "SecurityPolicyViolationEvent ToggleEvent FormDataEvent EventInit UIEventInit "
     "MouseEventInit KeyboardEventInit FocusEventInit InputEventInit PointerEventInit "
     "WheelEventInit TouchEventInit CustomEventInit AnimationEventInit TransitionEventInit "
     "ClipboardEventInit CompositionEventInit DragEventInit ErrorEventInit MessageEventInit "
     "ProgressEventInit StorageEventInit SubmitEventInit CloseEventInit PopStateEventInit "
     "HashChangeEventInit PageTransitionEventInit PromiseRejectionEventInit "
     "EventListenerObject GlobalEventHandlers WindowEventHandlers "
     "DocumentAndElementEventHandlers ElementEventMap HTMLElementEventMap DocumentEventMap "
     "WindowEventMap GlobalEventHandlersEventMap Attr CharacterData CDATASection "
     "ProcessingInstruction DocumentType DOMImplementation NodeIterator TreeWalker "
     "NamedNodeMap DOMStringMap DOMStringList DOMRectReadOnly DOMPoint DOMPointReadOnly "
     "DOMMatrix DOMMatrixReadOnly DOMQuad DOMException StaticRange AbstractRange ChildNode "
     "ParentNode NonDocumentTypeChildNode Slottable InnerHTML ElementCSSInlineStyle "
     "ElementContentEditable HTMLOrSVGElement HTMLHyperlinkElementUtils LinkStyle "
     "CSSStyleSheet CSSRule CSSRuleList CSSStyleRule CSSMediaRule CSSImportRule "
     "CSSKeyframesRule CSSKeyframeRule CSSFontFaceRule StyleSheet StyleSheetList MediaList "
     "MediaQueryList FontFace FontFaceSet Window WindowProxy Navigator Location History Screen "
     "Storage Performance PerformanceEntry PerformanceMark PerformanceMeasure "
     "PerformanceObserver Console Crypto SubtleCrypto CryptoKey CryptoKeyPair "
     "ReadableStreamDefaultReader ReadableStreamBYOBReader ReadableStreamDefaultController "
     "ReadableByteStreamController WritableStreamDefaultWriter WritableStreamDefaultController "
     "TransformStreamDefaultController QueuingStrategy CountQueuingStrategy "
     "ByteLengthQueuingStrategy UnderlyingSource UnderlyingSink Transformer BodyInit "
     "HeadersInit RequestInfo ResponseInit RequestCredentials RequestMode RequestCache "
     "RequestRedirect ResponseType ReferrerPolicy XMLHttpRequestBodyInit "
     "XMLHttpRequestEventTarget XMLHttpRequestUpload WebGLRenderingContext "
     "WebGL2RenderingContext WebGLBuffer WebGLFramebuffer WebGLProgram WebGLRenderbuffer "
     "WebGLShader WebGLTexture WebGLUniformLocation WebGLActiveInfo WebGLContextAttributes "
     "CanvasRenderingContext2D OffscreenCanvas OffscreenCanvasRenderingContext2D ImageBitmap "
     "ImageData ImageBitmapRenderingContext CanvasGradient CanvasPattern Path2D TextMetrics "
     "GLenum GLint GLuint GLfloat GLboolean GLsizei GLbitfield GLclampf GLintptr GLsizeiptr "
     "GLint64 GLuint64 AudioContext BaseAudioContext AudioNode AudioParam AudioBuffer "
     "AudioBufferSourceNode GainNode OscillatorNode AnalyserNode MediaStream MediaStreamTrack "
     "MediaRecorder MediaSource SourceBuffer TextTrack TextTrackCue VideoTrack AudioTrack "
     "TimeRanges RTCPeerConnection RTCDataChannel RTCSessionDescription RTCIceCandidate "
     "RTCCertificate RTCRtpSender RTCRtpReceiver RTCRtpTransceiver RTCConfiguration "
     "ServiceWorker ServiceWorkerRegistration ServiceWorkerContainer SharedWorker "
     "BroadcastChannel Notification Clipboard ClipboardItem Geolocation Permissions FileList "
     "FileSystemHandle FileSystemFileHandle FileSystemDirectoryHandle "
     "FileSystemWritableFileStream IDBDatabase IDBObjectStore IDBTransaction IDBRequest "
     "IDBIndex IDBCursor IDBKeyRange IDBFactory CacheStorage Cache CustomElementRegistry "
     "ElementDefinitionOptions ShadowRootInit ScrollToOptions ScrollIntoViewOptions "
     "FocusOptions PointerLockOptions"},
    {PAIR_AC_FUNCTION, EITHER | LATER,
     "readFile writeFile appendFile readFileSync writeFileSync appendFileSync existsSync stat "
     "statSync lstat lstatSync readdir readdirSync mkdir mkdirSync rmdir rmdirSync rm rmSync "
     "unlink unlinkSync rename renameSync copyFile copyFileSync createReadStream "
     "createWriteStream access accessSync realpath realpathSync watch watchFile unwatchFile "
     "open openSync close closeSync read readSync write writeSync fstat fsync chmod chown "
     "utimes symlink readlink mkdtemp mkdtempSync opendir Dirent Stats isFile isDirectory "
     "isSymbolicLink mtime mtimeMs ctime atime birthtime constants F_OK R_OK W_OK X_OK "
     "promises resolve join dirname basename extname relative normalize isAbsolute parse "
     "format sep delimiter posix win32 fileURLToPath pathToFileURL createServer request get "
     "Agent IncomingMessage ServerResponse ClientRequest STATUS_CODES METHODS globalAgent "
     "setHeader getHeader removeHeader writeHead statusCode statusMessage headersSent "
     "rawHeaders socket end listen address EventEmitter emit on once off addListener "
     "removeListener removeAllListeners listeners listenerCount prependListener "
     "prependOnceListener setMaxListeners getMaxListeners eventNames captureRejections "
     "errorMonitor Readable Writable Duplex Transform PassThrough pipeline finished Stream "
     "promisify callbackify inherits inspect deprecate isDeepStrictEqual TextEncoder "
     "TextDecoder types debuglog spawn exec execFile fork spawnSync execSync execFileSync "
     "ChildProcess stdio kill pid exitCode signalCode randomBytes randomUUID createHash "
     "createHmac createCipheriv createDecipheriv timingSafeEqual pbkdf2 scrypt webcrypto "
     "subtle getRandomValues platform arch cpus totalmem freemem homedir tmpdir hostname "
     "networkInterfaces EOL release uptime userInfo nextTick hrtime memoryUsage cwd chdir exit "
     "argv env execPath version versions ppid stdout stderr stdin emitWarning umask getuid "
     "getgid abort setTimeout clearTimeout setInterval clearInterval setImmediate "
     "clearImmediate queueMicrotask structuredClone Buffer alloc allocUnsafe from concat "
     "byteLength isBuffer compare toString toJSON slice subarray readUInt8 readUInt16LE "
     "readUInt16BE readUInt32LE readUInt32BE readInt8 readInt16LE readInt32LE writeUInt8 "
     "writeUInt16LE writeUInt32LE writeInt32LE readBigUInt64LE readDoubleLE writeDoubleLE fill "
     "indexOf includes equals copy swap16 swap32 URL URLSearchParams searchParams append "
     "delete getAll assert strictEqual deepStrictEqual notStrictEqual notDeepStrictEqual "
     "throws rejects doesNotThrow ok equal deepEqual fail match AssertionError Worker "
     "isMainThread parentPort workerData MessageChannel MessagePort BroadcastChannel "
     "createGzip createGunzip gzip gunzip deflate inflate brotliCompress brotliDecompress "
     "gzipSync gunzipSync deflateSync inflateSync AsyncLocalStorage AsyncResource "
     "executionAsyncId triggerAsyncId createHook"},
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
    {PAIR_AC_TYPE, EITHER | LATER,
     "Array Promise Function Object String Number Boolean Error Date Map Set RegExp Symbol "
     "Uppercase Lowercase Capitalize Uncapitalize ThisType ThisParameterType "
     "OmitThisParameter ConstructorParameters NoInfer Iterator AsyncIterable "
     "AsyncIterator AsyncIterableIterator Generator AsyncGenerator GeneratorFunction "
     "PropertyDescriptor PropertyDescriptorMap TypedPropertyDescriptor ClassDecorator "
     "MethodDecorator PropertyDecorator ParameterDecorator ArrayBufferLike "
     "ArrayBufferView ReadonlyMap ReadonlySet WeakMap WeakSet TemplateStringsArray "
     "ObjectConstructor FunctionConstructor ArrayConstructor PromiseConstructor "
     "ErrorConstructor CallableFunction NewableFunction IArguments ConcatArray "
     "TypedArray Element HTMLElement Node Event EventTarget Document Window "
     "DocumentFragment Text Comment KeyboardEvent MouseEvent EventListener "
     "EventListenerOrEventListenerObject AddEventListenerOptions "
     "EventListenerOptions CSSStyleDeclaration DOMRect DOMTokenList NodeList "
     "HTMLCollection ShadowRoot MutationRecord AbortSignal ReadableStream Blob "
     "Response Request Headers RequestInit URL JSX ReactNode ReactElement "
     "ComponentType FC PropsWithChildren Dispatch SetStateAction RefObject "
     "MutableRefObject Ref Action AnyAction UnknownAction Reducer Middleware Store "
     "PayloadAction ThunkAction ThunkDispatch AsyncThunk Draft Immutable Extension "
     "EditorState EditorView Transaction StateField StateEffect Facet Text Range "
     "SelectionRange ChangeSet ChangeSpec Decoration DecorationSet ViewPlugin "
     "ViewUpdate Tree SyntaxNode NodeType NodeProp Parser Input TreeCursor"},
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
    {PAIR_AC_VARIABLE, EITHER | LATER,
     "len size buf name data ret result err error ctx p s i j k n x y c ch str ptr val "
     "value key type flags mode count index idx offset pos start end length cur next "
     "prev head tail node list entry item arg args argp fd fp file path filename dir "
     "out in src dst dest tmp temp msg info state status rc res retval handle obj self "
     "parent child left right root table map hash id num nr max min limit total bytes "
     "nbytes nread nwritten width height depth level line col row column text "
     "string buffer bufsize capacity alloc mem base addr address port host sock "
     "conn client server req request resp response header body cb callback fn func "
     "userdata user_data opaque priv private_data config cfg opts options param "
     "params attr attrs field fields tag tags version major minor patch timeout "
     "interval delay now time tv ts sec usec nsec timer lock mutex cond thread tid "
     "pid sig signal mask set bit bits word words byte octet sum hash seed rand "
     "iter it begin first last found match pattern prefix suffix format fmt ap "
     "va stream input output reader writer encoder decoder parser token tokens "
     "lexer scanner symbol sym scope env frame stack queue pool arena chunk block "
     "blocks page pages region segment section header magic crc checksum digest "
     "cipher iv nonce tag salt secret pub priv cert rsa ecdsa bn bio ssl x509 "
     "unused dummy reserved pad padding align alignment"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE | LATER,
     "open close read write lseek pread pwrite ioctl fcntl dup dup2 pipe fork execv "
     "execvp execve waitpid wait kill getpid getppid getuid geteuid getgid setuid "
     "setsid chdir getcwd mkdir rmdir unlink rename stat fstat lstat access chmod "
     "chown umask link symlink readlink truncate ftruncate fsync sync mmap munmap "
     "mprotect msync sysconf sleep usleep nanosleep alarm pause select poll "
     "epoll_create epoll_ctl epoll_wait socket bind listen accept connect send recv "
     "sendto recvfrom sendmsg recvmsg setsockopt getsockopt shutdown getaddrinfo "
     "freeaddrinfo gai_strerror getnameinfo inet_pton inet_ntop htons htonl ntohs "
     "ntohl opendir readdir closedir dirname basename realpath gettimeofday "
     "clock_gettime localtime gmtime strftime mktime difftime localtime_r gmtime_r "
     "pthread_create pthread_join pthread_detach pthread_self pthread_mutex_lock "
     "pthread_mutex_unlock pthread_mutex_init pthread_mutex_destroy "
     "pthread_cond_wait pthread_cond_signal pthread_cond_broadcast pthread_cond_init "
     "pthread_once pthread_key_create pthread_getspecific pthread_setspecific "
     "sigaction sigemptyset sigaddset sigprocmask dlopen dlsym dlclose dlerror "
     "fileno fdopen freopen popen pclose tmpfile remove getline getc putc fgetc "
     "fputc ungetc feof ferror clearerr setvbuf vprintf vsprintf vsscanf atof atoll "
     "strtoll strtoull strtof strtold labs llabs div ldiv atexit system getenv "
     "setenv unsetenv mkstemp aligned_alloc posix_memalign reallocarray "
     "strcasecmp strncasecmp strnlen strpbrk strtok_r strsep strlcpy strlcat "
     "stpcpy memccpy memrchr memmem bzero explicit_bzero wcslen mbstowcs wcstombs "
     "isblank iscntrl isgraph isprint isascii sqrt pow exp log log10 log2 sin cos "
     "tan atan atan2 floor ceil round fabs fmod fmin fmax isnan isinf INFINITY NAN "
     "HUGE_VAL M_PI true false bool static_assert alignof alignas noreturn "
     "thread_local atomic_int atomic_load atomic_store atomic_fetch_add "
     "atomic_compare_exchange_strong __attribute__ __typeof__ __builtin_expect "
     "__builtin_unreachable __inline__ __restrict __extension__ __asm__ __volatile__ "
     "__func__ __FILE__ __LINE__ __DATE__ __TIME__ __STDC__ __STDC_VERSION__ "
     "__GNUC__ __GNUC_MINOR__ __clang__ __cplusplus __linux__ __unix__ _WIN32 "
     "_WIN64 __APPLE__ __x86_64__ __i386__ __aarch64__ __arm__ __BYTE_ORDER__ "
     "__ORDER_LITTLE_ENDIAN__ __ORDER_BIG_ENDIAN__ __SIZEOF_POINTER__ "
     "__has_include __has_attribute __has_builtin __THROW "
     "__BEGIN_DECLS __END_DECLS "
     "_GNU_SOURCE _POSIX_C_SOURCE _XOPEN_SOURCE _DEFAULT_SOURCE _FILE_OFFSET_BITS "
     "__u8 __u16 __u32 __u64 __s8 __s16 __s32 __s64 __le16 __le32 __le64 __be16 "
     "__be32 __be64 u8 u16 u32 u64 s8 s16 s32 s64 uint ulong "
     "ushort uchar _IO _IOR _IOW _IOWR O_RDONLY O_WRONLY O_RDWR O_CREAT O_TRUNC "
     "O_APPEND O_NONBLOCK O_CLOEXEC EINTR EAGAIN EWOULDBLOCK ENOMEM EINVAL ENOENT "
     "EEXIST EBADF EPERM EACCES EBUSY EIO ENOSPC ERANGE ENOTSUP ETIMEDOUT ENOSYS "
     "STDIN_FILENO STDOUT_FILENO STDERR_FILENO PATH_MAX BUFSIZ FILENAME_MAX "
     "LONG_MAX LONG_MIN ULONG_MAX LLONG_MAX LLONG_MIN ULLONG_MAX SHRT_MAX UCHAR_MAX "
     "INT8_MAX INT16_MAX INT32_MAX INT64_MAX UINT8_MAX UINT16_MAX UINT32_MAX "
     "UINT64_MAX SSIZE_MAX RAND_MAX CLOCKS_PER_SEC AF_INET AF_INET6 AF_UNIX "
     "SOCK_STREAM SOCK_DGRAM SOL_SOCKET SO_REUSEADDR IPPROTO_TCP IPPROTO_UDP "
     "INADDR_ANY SIGINT SIGTERM SIGKILL SIGCHLD SIGPIPE SIGHUP SIGUSR1 SIG_IGN "
     "SIG_DFL PTHREAD_MUTEX_INITIALIZER MAP_FAILED MAP_SHARED MAP_PRIVATE "
     "MAP_ANONYMOUS PROT_READ PROT_WRITE PROT_EXEC S_ISDIR S_ISREG F_GETFL F_SETFL "
     "F_GETFD F_SETFD FD_CLOEXEC WNOHANG CLOCK_MONOTONIC CLOCK_REALTIME "
     "POLLIN POLLOUT EPOLLIN EPOLLOUT DBL_MAX DBL_MIN FLT_MAX FLT_MIN DBL_EPSILON "
     "FLT_EPSILON BUFSIZ __WORDSIZE "
     "__LP64__ __ILP32__ "
     "u_char u_short u_int u_long caddr_t wcscmp wcsncmp wcscpy wcsncpy wcschr wcsrchr "
     "wcsstr wcstol wcstoul wmemcpy wmemset SEM_FAILED sem_open sem_close sem_wait "
     "sem_post sem_init sem_destroy shm_open shm_unlink O_BINARY O_TEXT O_EXCL O_SYNC "
     "O_DIRECTORY O_NOFOLLOW HAVE_CONFIG_H ECHO ECHOE ECHOK ECHONL ECHOCTL ECHOPRT ECHOKE "
     "ICANON ISIG IEXTEN NOFLSH TOSTOP FLUSHO PENDIN XCASE IGNBRK BRKINT IGNPAR PARMRK "
     "INPCK ISTRIP INLCR IGNCR ICRNL IUCLC IXON IXANY IXOFF IMAXBEL IUTF8 OPOST OLCUC "
     "ONLCR OCRNL ONOCR ONLRET OFILL OFDEL CSIZE CS5 CS6 CS7 CS8 CSTOPB CREAD PARENB "
     "PARODD HUPCL CLOCAL CRTSCTS VINTR VQUIT VERASE VKILL VEOF VTIME VMIN VSTART VSTOP "
     "VSUSP TCSANOW TCSADRAIN TCSAFLUSH TCIFLUSH TCOFLUSH TCIOFLUSH TCOOFF TCOON TCIOFF "
     "TCION B0 B50 B75 B110 B134 B150 B200 B300 B600 B1200 B1800 B2400 B4800 B9600 "
     "B19200 B38400 B57600 B115200 B230400 tcgetattr tcsetattr cfmakeraw cfsetispeed "
     "cfsetospeed cfgetispeed cfgetospeed tcflush tcdrain isatty ttyname z_stream "
     "z_streamp Z_OK Z_STREAM_END Z_NEED_DICT Z_ERRNO Z_STREAM_ERROR Z_DATA_ERROR "
     "Z_MEM_ERROR Z_BUF_ERROR Z_NO_FLUSH Z_SYNC_FLUSH Z_FULL_FLUSH Z_FINISH "
     "Z_DEFAULT_COMPRESSION deflate deflateInit deflateInit2 deflateEnd deflateReset "
     "inflate inflateInit inflateInit2 inflateEnd inflateReset Bytef uInt uLong voidpf "
     "ZEXTERN ZEXPORT OF"},
    {PAIR_AC_TYPE, PAIR_AC_ANYWHERE | LATER,
     "uint_least8_t uint_fast32_t intmax_t uintmax_t socklen_t mode_t uid_t gid_t "
     "dev_t ino_t nlink_t blksize_t blkcnt_t clock_t suseconds_t useconds_t "
     "sig_atomic_t sigset_t pthread_t pthread_mutex_t pthread_cond_t pthread_attr_t "
     "pthread_key_t pthread_once_t pthread_rwlock_t sem_t fpos_t div_t ldiv_t "
     "max_align_t char16_t char32_t wint_t mbstate_t locale_t nfds_t in_addr_t "
     "in_port_t sa_family_t jmp_buf DIR timespec timeval tm stat sockaddr "
     "sockaddr_in sockaddr_in6 sockaddr_un sockaddr_storage in_addr in6_addr "
     "addrinfo hostent pollfd epoll_event iovec msghdr dirent rlimit rusage "
     "sigaction itimerval utsname passwd group termios winsize"},
    {PAIR_AC_PROPERTY, PAIR_AC_AFTER_MEMBER | LATER,
     "data len size next prev name type value count flags ops priv list head tail "
     "parent left right key buf length capacity state id fd st_size st_mode st_mtime "
     "tv_sec tv_nsec tv_usec sin_family sin_port sin_addr s_addr sa_family "
     "sa_handler sa_mask sa_flags ai_family ai_socktype ai_protocol ai_addr "
     "ai_addrlen ai_next d_name d_type tm_year tm_mon tm_mday tm_hour tm_min "
     "tm_sec iov_base iov_len events revents"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE | LATER,
     "siginfo_t si_signo si_errno si_code si_pid si_uid si_status si_addr si_value "
     "sigval sival_int sival_ptr SA_SIGINFO SA_RESTART SA_NODEFER SA_RESETHAND "
     "sigsetjmp siglongjmp setjmp longjmp sigjmp_buf key_t ipc_perm IPC_CREAT IPC_EXCL "
     "IPC_NOWAIT IPC_RMID IPC_SET IPC_STAT IPC_PRIVATE shmget shmat shmdt shmctl "
     "shmid_ds shm_perm shm_segsz shm_atime shm_dtime shm_ctime shm_cpid shm_lpid "
     "shm_nattch semget semop semctl sembuf msgget msgsnd msgrcv msqid_ds ftok "
     "__aligned_u64 "
     "__bitwise __user __force __packed __iomem "
     "__always_inline "
     "__GLIBC__ __GLIBC_MINOR__ "
     "__CONCAT __STRING "
     "__restrict __inline __asm __volatile__ __typeof __alignof__ __builtin_constant_p "
     "__builtin_offsetof __builtin_va_list __builtin_bswap16 __builtin_bswap32 "
     "__builtin_bswap64 __builtin_clz __builtin_ctz __builtin_popcount __SIZE_TYPE__ "
     "__PTRDIFF_TYPE__ __WCHAR_TYPE__ __INT64_TYPE__ __UINT64_TYPE__ __CHAR_BIT__ "
     "__INT_MAX__ __LONG_MAX__ __SIZEOF_INT__ __SIZEOF_LONG__ __STDC_HOSTED__ "
     "__OPTIMIZE__ __NO_INLINE__ __ASSEMBLER__ __KERNEL__ __BIG_ENDIAN "
     "__LITTLE_ENDIAN __BYTE_ORDER __FLOAT_WORD_ORDER __PDP_ENDIAN BYTE_ORDER "
     "LITTLE_ENDIAN BIG_ENDIAN htobe16 htobe32 htobe64 htole16 htole32 htole64 "
     "be16toh be32toh be64toh le16toh le32toh le64toh bswap_16 bswap_32 bswap_64 "
     "EXIT_SUCCESS ENOTTY ENXIO E2BIG ENOEXEC ECHILD EDEADLK EFAULT ENOTBLK EXDEV "
     "ENODEV ENOTDIR EISDIR ENFILE EMFILE ETXTBSY EFBIG ESPIPE EROFS EMLINK EPIPE "
     "EDOM ENAMETOOLONG ENOLCK ENOTEMPTY ELOOP ENOMSG EIDRM EOVERFLOW EILSEQ "
     "ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT "
     "EOPNOTSUPP EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH "
     "ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ECONNREFUSED EHOSTUNREACH "
     "EALREADY EINPROGRESS ESTALE ECANCELED EOWNERDEAD ENOTRECOVERABLE"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE | LATER | ORDERED,
     ERRNO_SIGNALS
     " ; IGNBRK BRKINT IGNPAR PARMRK INPCK ISTRIP INLCR "
     "IGNCR ICRNL IUCLC IXON IXANY IXOFF IMAXBEL IUTF8 ; OPOST OLCUC ONLCR OCRNL ONOCR ONLRET "
     "OFILL OFDEL NLDLY NL0 NL1 CRDLY CR0 CR1 CR2 CR3 TABDLY TAB0 TAB1 TAB2 TAB3 XTABS BSDLY "
     "BS0 BS1 VTDLY VT0 VT1 FFDLY FF0 FF1 ; CBAUD B0 B50 B75 B110 B134 B150 B200 B300 B600 "
     "B1200 B1800 B2400 B4800 B9600 B19200 B38400 EXTA EXTB CSIZE CS5 CS6 CS7 CS8 CSTOPB CREAD "
     "PARENB PARODD HUPCL CLOCAL CBAUDEX BOTHER B57600 B115200 B230400 B460800 B500000 B576000 "
     "B921600 B1000000 B1152000 B1500000 B2000000 B2500000 B3000000 B3500000 B4000000 CIBAUD "
     "CMSPAR CRTSCTS ; ISIG ICANON XCASE ECHO ECHOE ECHOK ECHONL NOFLSH TOSTOP ECHOCTL ECHOPRT "
     "ECHOKE FLUSHO PENDIN IEXTEN EXTPROC ; VINTR VQUIT VERASE VKILL VEOF VTIME VMIN VSWTC "
     "VSTART VSTOP VSUSP VEOL VREPRINT VDISCARD VWERASE VLNEXT VEOL2 ; TCOOFF TCOON TCIOFF "
     "TCION ; TCIFLUSH TCOFLUSH TCIOFLUSH ; TCSANOW TCSADRAIN TCSAFLUSH ; TCGETS TCSETS "
     "TCSETSW TCSETSF TCGETA TCSETA TCSETAW TCSETAF TCSBRK TCXONC TCFLSH TIOCEXCL TIOCNXCL "
     "TIOCSCTTY TIOCGPGRP TIOCSPGRP TIOCOUTQ TIOCSTI TIOCGWINSZ TIOCSWINSZ TIOCMGET TIOCMBIS "
     "TIOCMBIC TIOCMSET TIOCGSOFTCAR TIOCSSOFTCAR FIONREAD TIOCLINUX TIOCCONS TIOCGSERIAL "
     "TIOCSSERIAL TIOCPKT FIONBIO TIOCNOTTY TIOCSETD TIOCGETD TCSBRKP ; O_RDONLY O_WRONLY "
     "O_RDWR ; O_CREAT O_EXCL O_NOCTTY O_TRUNC O_APPEND O_NONBLOCK O_DSYNC FASYNC O_DIRECT "
     "O_LARGEFILE O_DIRECTORY O_NOFOLLOW O_NOATIME O_CLOEXEC ; F_DUPFD F_GETFD F_SETFD F_GETFL "
     "F_SETFL F_GETLK F_SETLK F_SETLKW F_SETOWN F_GETOWN F_SETSIG F_GETSIG ; F_RDLCK F_WRLCK "
     "F_UNLCK ; LOG_EMERG LOG_ALERT LOG_CRIT LOG_ERR LOG_WARNING LOG_NOTICE LOG_INFO LOG_DEBUG "
     "; AF_UNSPEC AF_UNIX AF_INET AF_AX25 AF_IPX AF_APPLETALK AF_NETROM AF_BRIDGE AF_ATMPVC "
     "AF_X25 AF_INET6 AF_ROSE AF_DECnet AF_NETBEUI AF_SECURITY AF_KEY AF_NETLINK AF_PACKET "
     "AF_ASH AF_ECONET AF_ATMSVC AF_RDS AF_SNA AF_IRDA AF_PPPOX AF_WANPIPE AF_LLC AF_IB "
     "AF_MPLS AF_CAN AF_TIPC AF_BLUETOOTH AF_IUCV AF_RXRPC AF_ISDN AF_PHONET AF_IEEE802154 "
     "AF_CAIF AF_ALG AF_NFC AF_VSOCK AF_KCM AF_QIPCRTR AF_SMC AF_XDP AF_MCTP AF_MAX ; "
     "SOCK_STREAM SOCK_DGRAM SOCK_RAW SOCK_RDM SOCK_SEQPACKET SOCK_DCCP SOCK_PACKET ; "
     "IPPROTO_IP IPPROTO_ICMP IPPROTO_IGMP IPPROTO_IPIP IPPROTO_TCP IPPROTO_EGP IPPROTO_PUP "
     "IPPROTO_UDP IPPROTO_IDP IPPROTO_TP IPPROTO_DCCP IPPROTO_IPV6 IPPROTO_RSVP IPPROTO_GRE "
     "IPPROTO_ESP IPPROTO_AH IPPROTO_MTP IPPROTO_BEETPH IPPROTO_ENCAP IPPROTO_PIM IPPROTO_COMP "
     "IPPROTO_SCTP IPPROTO_UDPLITE IPPROTO_MPLS IPPROTO_RAW IPPROTO_MAX ; POLLIN POLLPRI "
     "POLLOUT POLLERR POLLHUP POLLNVAL POLLRDNORM POLLRDBAND POLLWRNORM POLLWRBAND POLLMSG "
     "POLLREMOVE POLLRDHUP ; EPOLLIN EPOLLPRI EPOLLOUT EPOLLERR EPOLLHUP EPOLLNVAL EPOLLRDNORM "
     "EPOLLRDBAND EPOLLWRNORM EPOLLWRBAND EPOLLMSG EPOLLRDHUP EPOLLEXCLUSIVE EPOLLWAKEUP "
     "EPOLLONESHOT EPOLLET ; PROT_NONE PROT_READ PROT_WRITE PROT_EXEC ; MAP_SHARED MAP_PRIVATE "
     "MAP_FIXED MAP_ANONYMOUS ; DT_UNKNOWN DT_FIFO DT_CHR DT_DIR DT_BLK DT_REG DT_LNK DT_SOCK "
     "DT_WHT ; S_IFMT S_IFSOCK S_IFLNK S_IFREG S_IFBLK S_IFDIR S_IFCHR S_IFIFO S_ISUID S_ISGID "
     "S_ISVTX S_IRWXU S_IRUSR S_IWUSR S_IXUSR S_IRWXG S_IRGRP S_IWGRP S_IXGRP S_IRWXO S_IROTH "
     "S_IWOTH S_IXOTH ; CLOCK_REALTIME CLOCK_MONOTONIC CLOCK_PROCESS_CPUTIME_ID "
     "CLOCK_THREAD_CPUTIME_ID CLOCK_MONOTONIC_RAW CLOCK_REALTIME_COARSE CLOCK_MONOTONIC_COARSE "
     "CLOCK_BOOTTIME CLOCK_REALTIME_ALARM CLOCK_BOOTTIME_ALARM ; LC_CTYPE LC_NUMERIC LC_TIME "
     "LC_COLLATE LC_MONETARY LC_MESSAGES LC_ALL LC_PAPER LC_NAME LC_ADDRESS LC_TELEPHONE "
     "LC_MEASUREMENT LC_IDENTIFICATION ; RLIMIT_CPU RLIMIT_FSIZE RLIMIT_DATA RLIMIT_STACK "
     "RLIMIT_CORE RLIMIT_RSS RLIMIT_NPROC RLIMIT_NOFILE RLIMIT_MEMLOCK RLIMIT_AS RLIMIT_LOCKS "
     "RLIMIT_SIGPENDING RLIMIT_MSGQUEUE RLIMIT_NICE RLIMIT_RTPRIO RLIMIT_RTTIME RLIMIT_NLIMITS "
     "; SEEK_SET SEEK_CUR SEEK_END SEEK_DATA SEEK_HOLE ; SIG_BLOCK SIG_UNBLOCK SIG_SETMASK ; "
     "SHUT_RD SHUT_WR SHUT_RDWR ; STDIN_FILENO STDOUT_FILENO STDERR_FILENO ; R_OK W_OK X_OK "
     "F_OK ; INT8_MIN INT16_MIN INT32_MIN INT64_MIN ; INT8_MAX INT16_MAX INT32_MAX INT64_MAX ; "
     "UINT8_MAX UINT16_MAX UINT32_MAX UINT64_MAX ; int8_t int16_t int32_t int64_t ; uint8_t "
     "uint16_t uint32_t uint64_t ; __u8 __u16 __u32 __u64 ; __s8 __s16 __s32 __s64 ; __le16 "
     "__le32 __le64 ; __be16 __be32 __be64 ; CHAR_MIN CHAR_MAX ; SCHAR_MIN SCHAR_MAX UCHAR_MAX "
     "; SHRT_MIN SHRT_MAX USHRT_MAX ; INT_MIN INT_MAX UINT_MAX ; LONG_MIN LONG_MAX ULONG_MAX ; "
     "LLONG_MIN LLONG_MAX ULLONG_MAX ; Z_NO_FLUSH Z_PARTIAL_FLUSH Z_SYNC_FLUSH Z_FULL_FLUSH "
     "Z_FINISH Z_BLOCK Z_TREES ; Z_OK Z_STREAM_END Z_NEED_DICT Z_ERRNO Z_STREAM_ERROR "
     "Z_DATA_ERROR Z_MEM_ERROR Z_BUF_ERROR Z_VERSION_ERROR ; Z_NO_COMPRESSION Z_BEST_SPEED "
     "Z_BEST_COMPRESSION Z_DEFAULT_COMPRESSION ; Z_FILTERED Z_HUFFMAN_ONLY Z_RLE Z_FIXED "
     "Z_DEFAULT_STRATEGY ; Z_BINARY Z_TEXT Z_UNKNOWN ;"},
    {PAIR_AC_BUILTIN, PAIR_AC_ANYWHERE | LATER,
     "fgetpos fsetpos tmpnam dprintf vdprintf getdelim fmemopen open_memstream setbuf "
     "setlinebuf fputs_unlocked fwrite_unlocked getc_unlocked putc_unlocked flockfile "
     "funlockfile mblen mbtowc wctomb strtoimax strtoumax imaxabs quick_exit at_quick_exit "
     "getsubopt mkdtemp mkostemp ptsname grantpt unlockpt posix_openpt random srandom drand48 "
     "srand48 lrand48 arc4random qsort_r secure_getenv clearenv strcoll strxfrm strsignal "
     "strverscmp strcasestr strchrnul strerror_r strerrorname_np basename memfrob rawmemchr "
     "mempcpy stpncpy strdupa strfry asctime ctime timegm timelocal clock_getres "
     "clock_nanosleep timer_create timer_settime timer_delete tzset strptime asctime_r ctime_r "
     "getopt getopt_long getopt_long_only optarg optind opterr optopt option has_arg "
     "no_argument required_argument optional_argument execl execlp execle _exit _Exit vfork "
     "gethostname sethostname getdomainname daemon nice sbrk brk getpagesize getdtablesize "
     "chroot fchdir fchmod fchown lchown pipe2 dup3 faccessat openat unlinkat renameat mkdirat "
     "fstatat readlinkat symlinkat linkat utimensat futimens getresuid getresgid setreuid "
     "setregid setgroups getgroups initgroups getpgrp setpgid getpgid tcgetpgrp tcsetpgrp "
     "getlogin ctermid sigfillset sigdelset sigismember sigsuspend sigpending sigwait "
     "sigwaitinfo sigtimedwait sigqueue killpg psignal psiginfo sigaltstack sighandler_t "
     "stack_t ss_sp ss_size ss_flags pthread_attr_init pthread_attr_destroy "
     "pthread_attr_setdetachstate pthread_attr_setstacksize pthread_attr_getstacksize "
     "pthread_cancel pthread_exit pthread_equal pthread_kill pthread_sigmask "
     "pthread_rwlock_init pthread_rwlock_rdlock pthread_rwlock_wrlock pthread_rwlock_unlock "
     "pthread_rwlock_destroy pthread_spin_init pthread_spin_lock pthread_spin_unlock "
     "pthread_barrier_init pthread_barrier_wait pthread_mutex_trylock pthread_mutex_timedlock "
     "pthread_mutexattr_init pthread_mutexattr_settype pthread_mutexattr_destroy "
     "pthread_cond_timedwait pthread_cond_destroy pthread_condattr_init "
     "pthread_condattr_setclock pthread_setname_np pthread_getname_np pthread_setaffinity_np "
     "pthread_key_delete pthread_testcancel pthread_setcancelstate PTHREAD_COND_INITIALIZER "
     "PTHREAD_ONCE_INIT PTHREAD_RWLOCK_INITIALIZER PTHREAD_CREATE_DETACHED "
     "PTHREAD_CREATE_JOINABLE PTHREAD_MUTEX_RECURSIVE PTHREAD_MUTEX_ERRORCHECK "
     "PTHREAD_MUTEX_NORMAL PTHREAD_CANCELED PTHREAD_STACK_MIN pthread_barrier_t "
     "pthread_spinlock_t pthread_mutexattr_t pthread_condattr_t socketpair getpeername "
     "getsockname inet_addr inet_ntoa inet_aton gethostbyname gethostbyaddr getservbyname "
     "getprotobyname if_nametoindex if_indextoname getifaddrs freeifaddrs accept4 recvmmsg "
     "sendmmsg scandir alphasort rewinddir seekdir telldir dirfd fdopendir glob globfree "
     "glob_t fnmatch regcomp regexec regfree regerror regex_t regmatch_t rm_so rm_eo "
     "REG_EXTENDED REG_ICASE REG_NOSUB REG_NEWLINE REG_NOMATCH FNM_PATHNAME FNM_NOESCAPE "
     "FNM_PERIOD GLOB_NOSPACE GLOB_NOMATCH madvise mlock munlock mlockall munlockall mremap "
     "msync MS_SYNC MS_ASYNC MADV_DONTNEED MADV_WILLNEED MAP_POPULATE MAP_NORESERVE MAP_STACK "
     "MAP_HUGETLB MREMAP_MAYMOVE WIFEXITED WEXITSTATUS WIFSIGNALED WTERMSIG WIFSTOPPED "
     "WSTOPSIG WCOREDUMP WUNTRACED WCONTINUED WIFCONTINUED waitid wait3 wait4 P_PID P_PGID "
     "P_ALL WEXITED WSTOPPED WNOWAIT mknod mkfifo futimes utimes fchmodat S_ISLNK S_ISCHR "
     "S_ISBLK S_ISFIFO S_ISSOCK st_dev st_ino st_nlink st_uid st_gid st_rdev st_blksize "
     "st_blocks st_atime st_ctime st_atim st_mtim st_ctim statx c_iflag c_oflag c_cflag "
     "c_lflag c_cc c_line c_ispeed c_ospeed ws_row ws_col ws_xpixel ws_ypixel tcsendbreak "
     "tcflow tcgetsid cfgetospeed cfsetspeed getpwnam getpwuid getpwent setpwent endpwent "
     "getpwnam_r getpwuid_r getgrnam getgrgid getgrent setgrent endgrent pw_name pw_uid pw_gid "
     "pw_dir pw_shell pw_gecos pw_passwd gr_name gr_gid gr_mem gr_passwd getrlimit setrlimit "
     "prlimit getrusage getpriority setpriority rlim_cur rlim_max rlim_t RLIM_INFINITY "
     "PRIO_PROCESS PRIO_PGRP PRIO_USER RUSAGE_SELF RUSAGE_CHILDREN ru_utime ru_stime ru_maxrss "
     "uname sysname nodename release machine openlog syslog closelog setlogmask vsyslog "
     "LOG_PID LOG_CONS LOG_NDELAY LOG_USER LOG_DAEMON LOG_AUTH LOG_LOCAL0 LOG_MASK LOG_UPTO "
     "nl_langinfo CODESET localeconv newlocale uselocale freelocale duplocale iconv iconv_open "
     "iconv_close iconv_t bindtextdomain textdomain gettext ngettext dgettext setlocale wcscat "
     "wcsncat wcscspn wcsspn wcspbrk wcstok wcsdup wcscasecmp wcsncasecmp wcsnlen wmemcmp "
     "wmemmove wmemchr fgetwc fputwc getwc putwc fgetws fputws getwchar putwchar wprintf "
     "fwprintf swprintf vswprintf wscanf btowc wctob mbrtowc wcrtomb mbsrtowcs wcsrtombs "
     "mbrlen mbsinit wcwidth wcswidth iswalpha iswdigit iswspace iswupper iswlower iswalnum "
     "iswpunct iswprint towupper towlower WEOF WCHAR_MAX WCHAR_MIN MB_CUR_MAX MB_LEN_MAX frexp "
     "ldexp modf fma nearbyint rint lrint llrint lround llround remainder remquo nextafter "
     "fdim expm1 log1p cbrt erf erfc lgamma tgamma acos asin acosh asinh atanh cosh sinh tanh "
     "exp2 scalbn ilogb logb signbit isfinite isnormal fpclassify FP_NAN FP_INFINITE FP_ZERO "
     "FP_SUBNORMAL FP_NORMAL M_E M_LN2 M_LN10 M_LOG2E M_LOG10E M_SQRT2 M_SQRT1_2 M_PI_2 M_PI_4 "
     "M_1_PI M_2_PI HUGE_VALF HUGE_VALL sqrtf powf expf logf sinf cosf tanf atan2f floorf "
     "ceilf roundf fabsf fmodf fminf fmaxf truncf trunc va_copy setjmp longjmp _setjmp "
     "_longjmp program_invocation_name program_invocation_short_name inotify_init "
     "inotify_init1 inotify_add_watch inotify_rm_watch inotify_event IN_ACCESS IN_MODIFY "
     "IN_ATTRIB IN_CLOSE_WRITE IN_CLOSE_NOWRITE IN_OPEN IN_MOVED_FROM IN_MOVED_TO IN_CREATE "
     "IN_DELETE IN_DELETE_SELF IN_MOVE_SELF IN_NONBLOCK IN_CLOEXEC eventfd_read eventfd_write "
     "timerfd_create timerfd_settime timerfd_gettime signalfd signalfd_siginfo EFD_NONBLOCK "
     "EFD_CLOEXEC TFD_NONBLOCK TFD_CLOEXEC epoll_create1 epoll_pwait EPOLL_CTL_ADD "
     "EPOLL_CTL_MOD EPOLL_CTL_DEL EPOLL_CLOEXEC epoll_data_t prctl PR_SET_NAME PR_GET_NAME "
     "PR_SET_PDEATHSIG PR_GET_PDEATHSIG PR_SET_DUMPABLE PR_GET_DUMPABLE PR_SET_NO_NEW_PRIVS "
     "PR_GET_NO_NEW_PRIVS PR_SET_SECCOMP PR_GET_SECCOMP PR_SET_KEEPCAPS PR_CAPBSET_READ "
     "PR_CAPBSET_DROP syscall gettid SYS_read SYS_write SYS_open SYS_close SYS_gettid "
     "SYS_getpid SYS_futex SYS_clone SYS_exit __NR_read __NR_write __NR_open __NR_close "
     "sysconf _SC_PAGESIZE _SC_PAGE_SIZE _SC_NPROCESSORS_ONLN _SC_NPROCESSORS_CONF _SC_CLK_TCK "
     "_SC_OPEN_MAX _SC_ARG_MAX _SC_HOST_NAME_MAX getauxval AT_HWCAP AT_PAGESZ backtrace "
     "backtrace_symbols backtrace_symbols_fd dladdr Dl_info dli_fname dli_sname dli_fbase "
     "dli_saddr RTLD_LAZY RTLD_NOW RTLD_GLOBAL RTLD_LOCAL RTLD_DEFAULT RTLD_NEXT RTLD_NODELETE "
     "RTLD_NOLOAD dlvsym sched_setaffinity sched_getaffinity sched_yield sched_setscheduler "
     "sched_getscheduler sched_get_priority_max sched_get_priority_min CPU_SET CPU_ZERO "
     "CPU_ISSET CPU_CLR CPU_COUNT CPU_SETSIZE cpu_set_t sched_param sched_priority SCHED_OTHER "
     "SCHED_FIFO SCHED_RR SCHED_BATCH SCHED_IDLE atomic_store_explicit atomic_load_explicit "
     "atomic_exchange atomic_exchange_explicit atomic_fetch_sub atomic_fetch_or "
     "atomic_fetch_and atomic_compare_exchange_weak atomic_init atomic_flag "
     "atomic_flag_test_and_set atomic_flag_clear ATOMIC_FLAG_INIT ATOMIC_VAR_INIT "
     "atomic_thread_fence atomic_signal_fence memory_order memory_order_relaxed "
     "memory_order_consume memory_order_acquire memory_order_release memory_order_acq_rel "
     "memory_order_seq_cst atomic_bool atomic_uint atomic_long atomic_ulong atomic_size_t "
     "atomic_uintptr_t _Atomic _Alignas _Alignof _Noreturn _Thread_local _Generic _Complex "
     "_Imaginary thrd_create thrd_join thrd_detach thrd_current thrd_sleep thrd_yield "
     "thrd_exit thrd_t thrd_success thrd_error mtx_init mtx_lock mtx_unlock mtx_trylock "
     "mtx_destroy mtx_t mtx_plain mtx_recursive cnd_init cnd_wait cnd_signal cnd_broadcast "
     "cnd_destroy cnd_t tss_create tss_get tss_set tss_t once_flag call_once ONCE_FLAG_INIT "
     "__builtin_memcpy __builtin_memset __builtin_memcmp __builtin_strlen __builtin_trap "
     "__builtin_prefetch __builtin_add_overflow __builtin_mul_overflow __builtin_sub_overflow "
     "__builtin_types_compatible_p __builtin_choose_expr __builtin_object_size "
     "__builtin_frame_address __builtin_return_address __builtin_alloca __builtin_ffs "
     "__builtin_clzll __builtin_ctzll __builtin_popcountll __builtin_clzl __builtin_ctzl "
     "__builtin_parity __builtin_assume_aligned __builtin_va_start __builtin_va_end "
     "__builtin_va_arg __builtin_va_copy __builtin_huge_val __builtin_inf __builtin_nan "
     "__builtin_isnan __sync_fetch_and_add __sync_fetch_and_sub __sync_synchronize "
     "__sync_bool_compare_and_swap __sync_val_compare_and_swap __sync_lock_test_and_set "
     "__sync_lock_release __atomic_load_n __atomic_store_n __atomic_fetch_add "
     "__atomic_fetch_sub __atomic_exchange_n __atomic_compare_exchange_n __atomic_thread_fence "
     "__ATOMIC_SEQ_CST __ATOMIC_RELAXED __ATOMIC_ACQUIRE __ATOMIC_RELEASE __ATOMIC_ACQ_REL "
     "noreturn unused used packed aligned format deprecated visibility always_inline noinline "
     "cold hot pure malloc nonnull warn_unused_result weak alias constructor destructor "
     "section cleanup fallthrough sentinel format_arg returns_nonnull alloc_size access "
     "artificial gnu_inline flatten noclone no_instrument_function no_sanitize_address nothrow "
     "leaf transparent_union may_alias vector_size mode tls_model "
     "fd_set FD_SET FD_CLR FD_ISSET FD_ZERO FD_SETSIZE "
     "__aligned_le64 __aligned_be64 __sum16 __wsum __poll_t _IOC _IOC_NONE _IOC_READ "
     "_IOC_WRITE _IOC_NR _IOC_TYPE _IOC_SIZE _IOC_DIR _IOC_NRBITS _IOC_TYPEBITS _IOC_SIZEBITS "
     "_IOC_DIRBITS nlmsghdr nlmsg_len nlmsg_type nlmsg_flags nlmsg_seq nlmsg_pid NLMSG_ALIGN "
     "NLMSG_DATA NLMSG_LENGTH NLMSG_SPACE NLMSG_NEXT NLMSG_OK NLMSG_HDRLEN NLMSG_ERROR "
     "NLMSG_DONE nlattr nla_len nla_type NLA_ALIGN NLA_HDRLEN rtattr rta_len rta_type "
     "RTA_ALIGN RTA_DATA RTA_LENGTH RTA_OK RTA_NEXT RTA_PAYLOAD sockaddr_nl nl_family nl_pid "
     "nl_groups NETLINK_ROUTE offsetof container_of ARRAY_SIZE likely unlikely min max clamp "
     "swap BUILD_BUG_ON READ_ONCE WRITE_ONCE"},
    END_GROUPS,
};

static const struct group cpp[] = {
    {PAIR_AC_KEYWORD, PAIR_AC_ANYWHERE,
     "class public private protected namespace template typename using virtual override new "
     "delete this nullptr auto constexpr operator friend explicit noexcept throw try catch "
     "decltype mutable static_cast dynamic_cast reinterpret_cast const_cast final concept "
     "requires co_await co_return co_yield"},
    {PAIR_AC_MODULE, PAIR_AC_ANYWHERE, "std"},
    {PAIR_AC_MODULE, PAIR_AC_IN_INCLUDE,
     "vector string memory iostream algorithm utility map cstdint cstdlib cstring cstdio "
     "cassert functional unordered_map set unordered_set sstream type_traits cmath limits "
     "optional tuple array chrono thread mutex atomic iterator numeric stdexcept fstream "
     "iomanip cstddef climits cerrno ctime cctype list deque queue stack bitset random "
     "regex filesystem string_view variant any initializer_list condition_variable "
     "future system_error exception new typeinfo typeindex istream ostream ios iosfwd "
     "streambuf locale cwchar cwctype cstdarg csignal csetjmp cfloat cinttypes cuchar "
     "ratio complex valarray span concepts ranges compare version bit numbers "
     "source_location format coroutine memory_resource shared_mutex execution "
     "charconv scoped_allocator gtest gmock"},
    {PAIR_AC_TYPE, EITHER,
     "string vector map unordered_map set unordered_set unique_ptr shared_ptr weak_ptr pair "
     "tuple optional variant array deque list function string_view thread mutex lock_guard "
     "unique_lock atomic ostream istream iostream"},
    {PAIR_AC_FUNCTION, PAIR_AC_AFTER_MEMBER,
     "make_unique make_shared move forward cout cin endl cerr begin end size push_back "
     "emplace_back empty insert erase find count at front back data reserve resize clear swap "
     "sort min max get first second c_str"},
    {PAIR_AC_FUNCTION, EITHER,
     "size_type value_type iterator const_iterator reference const_reference allocator_type "
     "difference_type pointer const_pointer size_t nullptr_t numeric_limits initializer_list "
     "enable_if is_same is_convertible remove_reference decay integral_constant true_type "
     "false_type declval TEST TEST_F TEST_P EXPECT_EQ EXPECT_TRUE EXPECT_FALSE EXPECT_NE "
     "ASSERT_EQ ASSERT_TRUE ASSERT_FALSE ASSERT_NE EXPECT_THAT EXPECT_CALL testing SetUp "
     "TearDown InitGoogleTest RUN_ALL_TESTS"},
    {PAIR_AC_TYPE, EITHER | LATER,
     "size_t string_view ostringstream istringstream stringstream ifstream ofstream "
     "fstream streambuf basic_string basic_ostream basic_istream char_traits "
     "allocator allocator_traits iterator_traits reverse_iterator back_inserter "
     "move_iterator forward_list multimap multiset unordered_multimap priority_queue "
     "queue stack bitset complex valarray any monostate nullopt nullopt_t in_place "
     "span byte function bind ref cref reference_wrapper hash equal_to less greater "
     "plus minus chrono duration time_point steady_clock system_clock "
     "high_resolution_clock milliseconds microseconds nanoseconds seconds "
     "recursive_mutex shared_mutex scoped_lock shared_lock condition_variable "
     "future promise async packaged_task jthread stop_token once_flag call_once "
     "exception runtime_error logic_error invalid_argument out_of_range "
     "length_error domain_error overflow_error underflow_error range_error bad_alloc "
     "bad_cast bad_function_call system_error error_code error_category errc "
     "exception_ptr current_exception rethrow_exception make_exception_ptr "
     "nested_exception terminate type_info type_index regex smatch cmatch "
     "regex_match regex_search regex_replace filesystem path directory_iterator "
     "int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t intptr_t "
     "uintptr_t ptrdiff_t max_align_t nullptr_t is_integral is_floating_point "
     "is_arithmetic is_pointer is_reference is_lvalue_reference is_rvalue_reference "
     "is_const is_volatile is_void is_class is_enum is_union is_function "
     "is_base_of is_constructible is_default_constructible is_copy_constructible "
     "is_move_constructible is_assignable is_copy_assignable is_move_assignable "
     "is_destructible is_trivially_copyable is_trivial is_standard_layout is_empty "
     "is_polymorphic is_abstract is_final is_signed is_unsigned is_nothrow_constructible "
     "is_nothrow_move_constructible is_nothrow_copy_constructible "
     "is_nothrow_move_assignable is_invocable is_invocable_r is_same_v "
     "is_convertible_v is_base_of_v is_integral_v is_pointer_v enable_if_t "
     "conditional conditional_t remove_const remove_cv remove_cv_t remove_cvref "
     "remove_cvref_t remove_reference_t remove_pointer remove_pointer_t add_const "
     "add_pointer add_lvalue_reference add_rvalue_reference decay_t "
     "underlying_type underlying_type_t common_type common_type_t invoke_result "
     "invoke_result_t result_of void_t conjunction disjunction negation "
     "bool_constant index_sequence make_index_sequence integer_sequence "
     "tuple_size tuple_element tuple_element_t extent rank aligned_storage "
     "aligned_union alignment_of type_identity is_aggregate has_virtual_destructor"},
    {PAIR_AC_FUNCTION, EITHER | LATER,
     "std move forward swap make_pair make_tuple tie get min max abs sort stable_sort "
     "find find_if find_if_not count count_if copy copy_if copy_n fill fill_n "
     "transform for_each accumulate iota remove remove_if unique reverse rotate "
     "lower_bound upper_bound equal_range binary_search all_of any_of none_of "
     "min_element max_element minmax equal mismatch lexicographical_compare "
     "partition nth_element partial_sort merge includes set_union set_intersection "
     "set_difference push_heap pop_heap make_heap sort_heap next prev distance "
     "advance begin end cbegin cend rbegin rend size empty data addressof "
     "exchange declval static_pointer_cast dynamic_pointer_cast const_pointer_cast "
     "make_unique make_shared allocate_shared to_string to_wstring stoi stol stoll "
     "stoul stoull stof stod getline invoke apply visit holds_alternative get_if "
     "launder memcpy memset strlen printf fprintf snprintf assert abort exit cout "
     "cerr cin clog endl flush ws setw setfill setprecision fixed hex dec boolalpha "
     "noskipws ignore unreachable bit_cast"},
    {PAIR_AC_FUNCTION, PAIR_AC_AFTER_MEMBER | LATER,
     "length substr append compare starts_with ends_with contains npos emplace "
     "emplace_front push_front pop_back pop_front try_emplace insert_or_assign "
     "extract merge lower_bound upper_bound equal_range capacity shrink_to_fit "
     "assign max_size cbegin cend rbegin rend crbegin crend key_comp value_comp "
     "bucket_count load_factor rehash get_allocator release reset get_deleter "
     "use_count unique lock unlock try_lock owns_lock wait notify_one notify_all "
     "join detach joinable get_id load store exchange compare_exchange_weak "
     "compare_exchange_strong fetch_add fetch_sub value value_or has_value "
     "what code message category str rdbuf good bad fail eof clear write read put "
     "flush seekg seekp tellg tellp open close is_open count time_since_epoch "
     "filename extension stem parent_path string native c_str"},
    {PAIR_AC_FUNCTION, PAIR_AC_ANYWHERE | LATER,
     "EXPECT_STREQ ASSERT_STREQ EXPECT_STRNE EXPECT_LT EXPECT_LE EXPECT_GT EXPECT_GE "
     "ASSERT_LT ASSERT_LE ASSERT_GT ASSERT_GE EXPECT_NEAR EXPECT_DOUBLE_EQ "
     "EXPECT_FLOAT_EQ EXPECT_THROW EXPECT_NO_THROW EXPECT_ANY_THROW ASSERT_THROW "
     "ASSERT_NO_THROW EXPECT_DEATH ASSERT_DEATH EXPECT_EXIT EXPECT_NONFATAL_FAILURE "
     "EXPECT_FATAL_FAILURE EXPECT_PRED1 EXPECT_PRED2 EXPECT_PRED_FORMAT2 GTEST_SKIP "
     "GTEST_FAIL GTEST_SUCCEED ADD_FAILURE FAIL SUCCEED SCOPED_TRACE "
     "INSTANTIATE_TEST_SUITE_P INSTANTIATE_TEST_CASE_P TYPED_TEST TYPED_TEST_SUITE "
     "TYPED_TEST_P REGISTER_TYPED_TEST_SUITE_P FRIEND_TEST Values ValuesIn Combine "
     "Bool Range WithParamInterface TestWithParam Test Environment "
     "AddGlobalTestEnvironment UnitTest TestInfo TestSuite TestCase TestPartResult "
     "TestEventListener EmptyTestEventListener TestEventListeners Message "
     "AssertionResult AssertionSuccess AssertionFailure Eq Ne Lt Gt Le Ge IsNull "
     "NotNull IsTrue IsFalse HasSubstr StartsWith EndsWith StrEq ContainsRegex "
     "MatchesRegex ElementsAre ElementsAreArray UnorderedElementsAre Contains Each "
     "SizeIs IsEmpty Field Property Pointee Optional VariantWith AllOf AnyOf Not "
     "Truly Matcher MatcherInterface MakeMatcher MATCHER MATCHER_P Return ReturnRef "
     "ReturnNull ReturnArg Invoke InvokeWithoutArgs DoAll DoDefault SetArgPointee "
     "SetArgReferee SaveArg Throw WillOnce WillRepeatedly Times AtLeast AtMost "
     "Between AnyNumber Exactly InSequence Sequence NiceMock StrictMock NaggyMock "
     "MOCK_METHOD MOCK_METHOD0 MOCK_METHOD1 MOCK_METHOD2 MOCK_CONST_METHOD0 ON_CALL "
     "Mock VerifyAndClearExpectations GetParam TempDir PrintToString"},
    {PAIR_AC_FUNCTION, EITHER | LATER,
     "system_header once push_options pop_options diagnostic ignored push pop GCC clang "
     "visibility optimize pack region endregion "
     "__GLIBCXX__ "
     "__cpp_lib_concepts __cpp_lib_ranges __cpp_lib_constexpr_vector "
     "__cpp_lib_three_way_comparison __cpp_impl_three_way_comparison __cpp_concepts "
     "__cpp_constexpr __cpp_if_constexpr __cpp_inline_variables __cpp_exceptions __cpp_rtti "
     "__cpp_sized_deallocation __cpp_aligned_new __cpp_variable_templates "
     "__cpp_fold_expressions __cpp_deduction_guides __cpp_lib_is_constant_evaluated "
     "__cpp_lib_byte __cpp_lib_optional __cpp_lib_variant __cpp_lib_string_view "
     "__cpp_lib_format __cpp_lib_span __cpp_lib_bit_cast __gnu_cxx "
     "__init "
     "is_void is_null_pointer is_integral "
     "is_floating_point is_array is_enum is_union is_class is_function is_pointer "
     "is_lvalue_reference is_rvalue_reference is_member_object_pointer "
     "is_member_function_pointer is_fundamental is_arithmetic is_scalar is_object is_compound "
     "is_reference is_member_pointer is_const is_volatile is_trivial is_trivially_copyable "
     "is_standard_layout is_pod is_literal_type is_empty is_polymorphic is_abstract is_final "
     "is_aggregate is_signed is_unsigned is_bounded_array is_unbounded_array is_constructible "
     "is_trivially_constructible is_nothrow_constructible is_default_constructible "
     "is_trivially_default_constructible is_nothrow_default_constructible "
     "is_copy_constructible is_trivially_copy_constructible is_nothrow_copy_constructible "
     "is_move_constructible is_trivially_move_constructible is_nothrow_move_constructible "
     "is_assignable is_trivially_assignable is_nothrow_assignable is_copy_assignable "
     "is_trivially_copy_assignable is_nothrow_copy_assignable is_move_assignable "
     "is_trivially_move_assignable is_nothrow_move_assignable is_destructible "
     "is_trivially_destructible is_nothrow_destructible has_virtual_destructor "
     "has_unique_object_representations is_swappable is_swappable_with is_nothrow_swappable "
     "alignment_of rank extent is_base_of is_nothrow_convertible is_invocable is_invocable_r "
     "is_nothrow_invocable remove_cv remove_const remove_volatile add_cv add_const "
     "add_volatile remove_reference add_lvalue_reference add_rvalue_reference remove_pointer "
     "add_pointer make_signed make_unsigned remove_extent remove_all_extents aligned_storage "
     "aligned_union decay remove_cvref enable_if_t conditional conditional_t common_type "
     "common_reference underlying_type invoke_result invoke_result_t void_t conjunction "
     "disjunction negation is_same_v is_base_of_v is_convertible_v is_constructible_v "
     "is_integral_v is_pointer_v is_trivially_copyable_v remove_cv_t remove_const_t "
     "remove_reference_t remove_cvref_t decay_t add_pointer_t add_const_t make_signed_t "
     "make_unsigned_t common_type_t underlying_type_t type_identity type_identity_t "
     "bool_constant is_constant_evaluated is_layout_compatible is_scoped_enum to_underlying "
     "for_each for_each_n find_if find_if_not find_end find_first_of adjacent_find count_if "
     "mismatch search_n copy_if copy_n copy_backward move_backward swap_ranges iter_swap "
     "transform replace_if replace_copy replace_copy_if generate generate_n remove_if "
     "remove_copy remove_copy_if unique_copy reverse_copy rotate_copy shuffle sample "
     "partition_copy stable_partition partition_point is_partitioned sort stable_sort "
     "partial_sort partial_sort_copy is_sorted is_sorted_until nth_element lower_bound "
     "upper_bound equal_range binary_search merge inplace_merge includes set_union "
     "set_intersection set_difference set_symmetric_difference push_heap pop_heap make_heap "
     "sort_heap is_heap is_heap_until min_element max_element minmax minmax_element clamp "
     "lexicographical_compare next_permutation prev_permutation is_permutation accumulate "
     "inner_product adjacent_difference partial_sum iota reduce exclusive_scan inclusive_scan "
     "transform_reduce gcd lcm midpoint all_of any_of none_of fill_n uninitialized_copy "
     "uninitialized_fill uninitialized_move destroy_at construct_at addressof launder "
     "to_address emplace emplace_front emplace_hint try_emplace insert_or_assign push_front "
     "pop_front pop_back shrink_to_fit max_size cbegin cend rbegin rend crbegin crend assign "
     "splice unique reverse key_comp value_comp bucket_count load_factor max_load_factor "
     "rehash reserve extract contains substr compare find_last_of find_first_not_of "
     "find_last_not_of starts_with ends_with append replace copy length c_str data "
     "get_allocator value_or has_value reset release get_deleter use_count expired lock "
     "owner_before weak_from_this shared_from_this enable_shared_from_this make_optional "
     "make_any visit holds_alternative get_if index valueless_by_exception emplace_back "
     "nothrow nothrow_t align_val_t destroying_delete hardware_destructive_interference_size "
     "uses_allocator allocator_arg allocator_arg_t piecewise_construct piecewise_construct_t "
     "in_place_t in_place_type in_place_index ignore tie forward_as_tuple make_from_tuple "
     "apply tuple_size tuple_element tuple_cat integer_sequence index_sequence "
     "make_index_sequence index_sequence_for make_integer_sequence exchange as_const to_chars "
     "from_chars chars_format errc cout cin cerr clog wcout endl ends flush ws boolalpha "
     "noboolalpha showbase showpoint showpos skipws uppercase dec hex oct fixed scientific "
     "hexfloat defaultfloat left right internal setw setfill setprecision setbase quoted "
     "getline ios_base basic_ios basic_streambuf basic_iostream basic_fstream basic_ifstream "
     "basic_ofstream basic_stringstream basic_istringstream basic_ostringstream "
     "basic_stringbuf basic_filebuf streamsize streamoff openmode fmtflags iostate seekdir "
     "badbit eofbit failbit goodbit binary trunc ate app sync_with_stdio imbue rdbuf"},
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
    {PAIR_AC_FUNCTION, PAIR_AC_AFTER_MEMBER | LATER,
     "Sprint Sprintln Fprintln Fprint Print Scan Scanf Sscanf Sscan Errorf Unwrap Join "
     "New Is As Exit Getenv Setenv Args Stdin Stdout Stderr Open Create ReadFile "
     "WriteFile Remove RemoveAll Mkdir MkdirAll Stat Lstat IsNotExist IsExist "
     "Getwd Chdir Hostname Environ ExpandEnv Signal Interrupt Kill Minute Hour "
     "Nanosecond Microsecond Millisecond Second Now Since Until Sleep After Tick "
     "NewTimer NewTicker Parse ParseDuration Unix UnixNano Format RFC3339 Date "
     "Duration Time Location UTC Local Add Sub Before Equal IsZero Truncate Round "
     "Contains ContainsAny ContainsRune HasPrefix HasSuffix Index IndexByte "
     "IndexRune LastIndex Split SplitN Fields Join Repeat Replace ReplaceAll "
     "ToLower ToUpper Title TrimSpace Trim TrimLeft TrimRight TrimPrefix TrimSuffix "
     "EqualFold Count Map NewReader NewReplacer Builder WriteString WriteByte "
     "WriteRune Len Reset Grow String Bytes Atoi Itoa ParseInt ParseUint ParseFloat "
     "ParseBool FormatInt FormatUint FormatFloat FormatBool Quote Unquote "
     "AppendInt Marshal Unmarshal MarshalIndent NewEncoder NewDecoder Encode "
     "Decode RawMessage Valid Indent Compact NewScanner Scanner Text Err "
     "NewWriter Flush ReadString ReadLine ReadBytes ReadRune Copy CopyN ReadAll "
     "ReadFull WriteString EOF Reader Writer Closer ReadCloser WriteCloser "
     "ReadWriter Discard MultiWriter MultiReader TeeReader Pipe LimitReader "
     "NopCloser Buffer NewBuffer NewBufferString Mutex RWMutex WaitGroup Once Pool "
     "Cond Lock Unlock RLock RUnlock Do Done Wait Add Store Load Swap "
     "CompareAndSwap AddInt64 LoadInt64 StoreInt64 Background TODO WithCancel "
     "WithTimeout WithDeadline WithValue Canceled DeadlineExceeded Value Deadline "
     "Context Get Post Head NewRequest NewRequestWithContext Client Server "
     "ListenAndServe Handle HandleFunc HandlerFunc Handler ResponseWriter Request "
     "StatusOK StatusNotFound StatusBadRequest StatusInternalServerError Header "
     "Set Del Body Method URL Query Path Host Scheme RawQuery Values Encode Dial "
     "DialTimeout Listen Accept Conn Listener Addr LocalAddr RemoteAddr "
     "SetDeadline SetReadDeadline SetWriteDeadline Close Read Write Fatal Fatalf "
     "Fatalln Panic Panicf Printf Println Print SetFlags SetOutput SetPrefix "
     "Logger Default Error Errorf Log Logf Helper Run Skip Skipf SkipNow Failed "
     "FailNow Fail Cleanup TempDir Parallel Name Sort Slice SliceStable Strings "
     "Ints Float64s Search SearchInts Reverse Abs Max Min Sqrt Pow Floor Ceil Inf "
     "NaN IsNaN MaxInt MaxInt64 MinInt64 MaxUint32 Base Dir Ext Clean Rel Walk "
     "WalkDir Glob Match MustCompile Compile FindString FindStringSubmatch "
     "FindAllString ReplaceAllString MatchString Command CombinedOutput Output "
     "Start StdoutPipe StdinPipe Env LookPath Exec ExitError Stat Mode IsDir Size "
     "ModTime Sys Pid Process Signal Notify Sum256 New Write Sum EncodeToString "
     "DecodeString StdEncoding URLEncoding Itoa Uint32 PutUint32 BigEndian "
     "LittleEndian Uint64 PutUint64 Uint16 TypeOf ValueOf Kind Elem Field "
     "NumField Interface DeepEqual"},
    {PAIR_AC_MODULE, PAIR_AC_ANYWHERE | LATER,
     "bufio exec signal atomic filepath ioutil syscall unicode utf8 reflect binary "
     "hex base64 sha256 md5 rand tls httptest flag unsafe runtime heap list ring"},
    {PAIR_AC_VARIABLE, PAIR_AC_ANYWHERE | LATER,
     "err ctx ok i n s b v k buf data name value key result args cmd path file f r "
     "w req resp res conn client server opts config cfg msg out in line lines str "
     "t m p c x y id count size len start end err2 wg mu ch done"},
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

/* ---------- words any language's identifiers are made of ---------- */
/* Single English words that name things in code, roughly by frequency.
 * Every language below draws on them after its own lists. */
static const struct group common[] = {
    {PAIR_AC_VARIABLE, EITHER | LATER,
     "name value key data type result index list item node text id path error size count "
     "length file line state info options config context message event target source "
     "parent child children start end offset position pos range time date input output "
     "buffer stream content body header headers status code mode flags level kind format "
     "version label title description query filter sort order limit total sum min max "
     "width height depth left right top bottom first last next prev previous current "
     "default base root tree graph edge edges vertex map set table row rows column columns "
     "cell cells field fields record records entry entries element elements object objects "
     "array vector string number integer float double boolean char bytes byte bits bit "
     "block blocks chunk chunks page pages region section segment frame frames window view "
     "views scope scopes module modules package packages import export exports plugin "
     "plugins handler handlers callback callbacks listener listeners hook hooks action "
     "actions command commands request response client server session user users group "
     "groups role permission permissions token tokens key keys secret password hash salt "
     "signature cert certificate host port address url uri domain protocol method methods "
     "socket connection channel queue stack heap pool cache store storage memory disk "
     "process thread task tasks job jobs worker workers timer timeout delay interval retry "
     "attempt attempts lock mutex signal wait notify check validate verify parse render "
     "update create delete remove insert add append push pop shift peek clear reset init "
     "setup teardown load save read write open close flush sync copy move rename apply "
     "call invoke run execute exec start stop pause resume cancel abort finish done "
     "complete ready pending running stopped failed success failure warning debug trace "
     "log logger print dump show hide toggle enable disable enabled disabled active "
     "visible hidden selected checked focused valid invalid empty full dirty clean "
     "changed modified created updated deleted removed added found missing unknown "
     "known public private protected internal external global local static shared "
     "common generic special custom simple complex single multiple many few all any some "
     "none other another same different similar new old temp tmp test tests spec specs "
     "example examples sample samples demo util utils helper helpers tool tools lib "
     "library core main app application service services manager controller model models "
     "schema schemas type types kind kinds class classes instance instances factory "
     "builder provider providers adapter wrapper proxy delegate observer subscriber "
     "subscribers publisher producer consumer reader writer encoder decoder parser "
     "lexer scanner tokenizer compiler interpreter generator iterator visitor walker "
     "matcher pattern patterns rule rules regex match matches search find lookup "
     "resolve resolved resolver reject rejected promise future deferred async sync "
     "batch connect disconnect mount unmount install uninstall configure register "
     "unregister subscribe unsubscribe dispatch emit trigger fire listen accept bind "
     "unbind attach detach wrap unwrap encode decode encrypt decrypt compress decompress "
     "serialize deserialize stringify format convert transform translate normalize "
     "sanitize escape unescape quote unquote split join merge concat slice splice trim "
     "pad fill reverse rotate swap compare equals contains includes has get put set "
     "keys values items iterate each every some reduce collect group partition chunked "
     "flatten zip unzip pick omit extend assign clone copy deep shallow freeze seal "
     "count rank score weight priority cost distance angle scale ratio rate speed "
     "color colors style styles theme font size margin padding border shadow image "
     "icon button link menu dialog modal panel tab tabs form label hint tooltip "
     "anchor cursor caret selection highlight mark marker markers range ranges "
     "document doc docs editor line lines word words char chars column col row "
     "width height dx dy dz"},
    {PAIR_AC_VARIABLE, EITHER | LATER | ORDERED,
     "Monday Tuesday Wednesday Thursday Friday Saturday Sunday ; MONDAY TUESDAY WEDNESDAY "
     "THURSDAY FRIDAY SATURDAY SUNDAY ; January February March April May June July August "
     "September October November December ; JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST "
     "SEPTEMBER OCTOBER NOVEMBER DECEMBER ; Mon Tue Wed Thu Fri Sat Sun ; Jan Feb Mar Apr May "
     "Jun Jul Aug Sep Oct Nov Dec ; zero one two three four five six seven eight nine ten "
     "eleven twelve ; first second third fourth fifth sixth seventh eighth ninth tenth ; red "
     "green blue alpha ; top right bottom left ; north east south west ; year month day hour "
     "minute second millisecond microsecond nanosecond ; years months days hours minutes "
     "seconds milliseconds ; KB MB GB TB PB ; kilo mega giga tera ;"},
    END_GROUPS,
};

/* The groups of each language, most specific first. */
static const struct group *const lang_groups[PAIR_AC_LANG__MAX][GROUPS_MAX] = {
    [PAIR_AC_GENERIC] = {none, NULL, NULL, NULL},
    [PAIR_AC_PYTHON] = {python, common, NULL, NULL},
    [PAIR_AC_JAVASCRIPT] = {javascript, common, NULL, NULL},
    [PAIR_AC_TYPESCRIPT] = {javascript, typescript, common, NULL},
    [PAIR_AC_C] = {c_words, common, NULL, NULL},
    [PAIR_AC_CPP] = {c_words, cpp, common, NULL},
    [PAIR_AC_JAVA] = {java, common, NULL, NULL},
    [PAIR_AC_GO] = {go, common, NULL, NULL},
    [PAIR_AC_RUST] = {rust, common, NULL, NULL},
    [PAIR_AC_CLIKE] = {clike, common, NULL, NULL},
    [PAIR_AC_PHP] = {php, common, NULL, NULL},
    [PAIR_AC_RUBY] = {ruby, common, NULL, NULL},
    [PAIR_AC_SHELL] = {shell, NULL, NULL, NULL},
    [PAIR_AC_SQL] = {sql, NULL, NULL, NULL},
    [PAIR_AC_HTML] = {html, NULL, NULL, NULL},
    [PAIR_AC_XML] = {xml, NULL, NULL, NULL},
    [PAIR_AC_CSS] = {css, NULL, NULL, NULL},
    [PAIR_AC_JSON] = {json, NULL, NULL, NULL},
    [PAIR_AC_YAML] = {yaml, NULL, NULL, NULL},
};

static const char *const kind_names[PAIR_AC_KIND__MAX] = {
    [PAIR_AC_KEYWORD] = "keyword",   [PAIR_AC_BUILTIN] = "builtin",
    [PAIR_AC_VARIABLE] = "variable", [PAIR_AC_FUNCTION] = "function",
    [PAIR_AC_PROPERTY] = "property", [PAIR_AC_MODULE] = "module",
    [PAIR_AC_TYPE] = "type",         [PAIR_AC_SNIPPET] = "snippet",
};

static struct pair_ac_word *tables[PAIR_AC_LANG__MAX];
static size_t table_len[PAIR_AC_LANG__MAX];
/* Each language's keywords (those valid anywhere), open addressing by
 * token hash; one that does not fit in half the slots is left out. */
#define KEYWORD_SLOTS 256
static const struct pair_ac_word *keyword_sets[PAIR_AC_LANG__MAX][KEYWORD_SLOTS];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static int words_status = -1;

/* memcmp order over (text, len), for qsort and bsearch. */
static int
cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    int r = memcmp(a, b, alen < blen ? alen : blen);
    return r != 0 ? r : (alen > blen) - (alen < blen);
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

/* A word while a table is built: its entry and its position in the lists,
 * so that sorting can keep the first occurrence of a word in a place. */
struct pending {
    struct pair_ac_word w;
    size_t order;
};

/* qsort's comparison of two pending words: by bytes, place, then order. */
static int
cmp_pending(const void *x, const void *y)
{
    const struct pending *a = x, *b = y;
    int r = cmp_bytes(a->w.text, a->w.len, b->w.text, b->w.len);
    if (r != 0)
        return r;
    if (a->w.place != b->w.place)
        return a->w.place < b->w.place ? -1 : 1;
    return (a->order > b->order) - (a->order < b->order);
}

/* Builds one language's table: every group's words, the first occurrence
 * of a word in each place winning (a word may be a keyword anywhere and a
 * member after '.'), sorted. The texts point into a private copy of the
 * lists with NULs written after each word. */
static int
build_lang(enum pair_ac_lang lang)
{
    size_t total = 0;
    for (int g = 0; g < GROUPS_MAX && lang_groups[lang][g] != NULL; g++)
        for (const struct group *gr = lang_groups[lang][g]; gr->words != NULL; gr++)
            total += count_words(gr->words) * ((gr->place & EITHER) ? 2 : 1);
    struct pending *t = calloc(total + 1, sizeof(*t));
    if (t == NULL)
        return -1;
    size_t n = 0, placed[PLACES] = {0}; /* words so far in each place */
    for (int g = 0; g < GROUPS_MAX && lang_groups[lang][g] != NULL; g++) {
        for (const struct group *gr = lang_groups[lang][g]; gr->words != NULL; gr++) {
            char *copy = strdup(gr->words); /* lives as long as the process */
            if (copy == NULL) {
                free(t);
                return -1;
            }
            int places[2] = {PLACE(gr->place), PAIR_AC_AFTER_MEMBER};
            int nplaces = (gr->place & EITHER) ? 2 : 1;
            if (nplaces == 2)
                places[0] = PAIR_AC_ANYWHERE;
            size_t size = count_words(copy), base[2] = {0, 0};
            for (int pl = 0; pl < nplaces; pl++) {
                if (gr->place & LATER)
                    base[pl] = placed[places[pl]];
                placed[places[pl]] += size;
            }
            size_t rank = 0, first = n;
            for (char *p = copy; *p != '\0';) {
                while (*p == ' ')
                    p++;
                if (*p == '\0')
                    break;
                size_t k = strcspn(p, " ");
                char *next = p[k] != '\0' ? p + k + 1 : p + k;
                p[k] = '\0';
                if (k == 1 && p[0] == ';') {
                    first = n; /* a new sequence */
                    p = next;
                    continue;
                }
                bool linked = n > first;
                for (int pl = 0; pl < nplaces; pl++) {
                    size_t r = base[pl] + rank;
                    t[n].w =
                        (struct pair_ac_word){.text = p,
                                              .len = (uint16_t)k,
                                              .kind = (uint8_t)gr->kind,
                                              .place = (uint8_t)places[pl],
                                              .rank = (uint16_t)(r < UINT16_MAX ? r : UINT16_MAX),
                                              .group_size = (uint16_t)size,
                                              .pred = linked ? t[n - nplaces].w.text : NULL,
                                              .in_sequence = (gr->place & ORDERED) != 0};
                    if (linked)
                        t[n - nplaces].w.succ = p;
                    t[n].order = n;
                    n++;
                }
                rank++;
                p = next;
            }
        }
    }
    qsort(t, n, sizeof(*t), cmp_pending);
    struct pair_ac_word *words = calloc(n + 1, sizeof(*words));
    if (words == NULL) {
        free(t);
        return -1;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || cmp_bytes(t[i].w.text, t[i].w.len, t[i - 1].w.text, t[i - 1].w.len) != 0 ||
            t[i].w.place != t[i - 1].w.place)
            words[m++] = t[i].w;
        else if (t[i].w.in_sequence && !words[m - 1].in_sequence) {
            /* Its neighbours in a canonical sequence say more. */
            words[m - 1].pred = t[i].w.pred;
            words[m - 1].succ = t[i].w.succ;
            words[m - 1].in_sequence = true;
        }
    free(t);
    tables[lang] = words;
    table_len[lang] = m;
    size_t nkw = 0;
    for (size_t i = 0; i < m && nkw < KEYWORD_SLOTS / 2; i++) {
        if (words[i].kind != PAIR_AC_KEYWORD || words[i].place != PAIR_AC_ANYWHERE)
            continue;
        size_t k = pair_ac_hash(words[i].text, words[i].len) & (KEYWORD_SLOTS - 1);
        while (keyword_sets[lang][k] != NULL)
            k = (k + 1) & (KEYWORD_SLOTS - 1);
        keyword_sets[lang][k] = &words[i];
        nkw++;
    }
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

bool
pair_ac_is_keyword(enum pair_ac_lang lang, const char *s, size_t len, uint32_t hash)
{
    if (lang >= PAIR_AC_LANG__MAX)
        return false;
    const struct pair_ac_word *const *set = keyword_sets[lang];
    for (size_t k = hash & (KEYWORD_SLOTS - 1); set[k] != NULL; k = (k + 1) & (KEYWORD_SLOTS - 1))
        if (set[k]->len == len && memcmp(set[k]->text, s, len) == 0)
            return true;
    return false;
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

/* ---------- members of well-known receivers ---------- */
/* What follows "os." or "Math." or "std::": the members of a standard
 * module, namespace or global object, each list in rough order of use.
 * A receiver may be two names ("os.path", "process.env"); Python's
 * private aliases ("_os", "_sys") are looked up without their '_'. */
struct receiver {
    enum pair_ac_lang lang; /* JavaScript's apply to TypeScript too */
    const char *name;
    const char *members;
};

static const struct receiver receivers[] = {
    /* Python */
    {PAIR_AC_PYTHON, "os",
     "path environ getcwd listdir makedirs remove unlink rename replace walk stat lstat sep "
     "name getenv fspath fsencode fsdecode getpid getuid geteuid getgid getegid getppid "
     "getlogin kill system popen close open read write dup dup2 pipe fork execv execve execvp "
     "execvpe _exit chdir chmod chown access scandir urandom cpu_count get_terminal_size "
     "isatty symlink readlink link rmdir removedirs renames utime times umask strerror error "
     "linesep pathsep curdir pardir devnull extsep altsep defpath environb putenv unsetenv "
     "O_RDONLY O_WRONLY O_RDWR O_CREAT O_EXCL O_TRUNC O_APPEND O_NONBLOCK O_BINARY O_CLOEXEC "
     "F_OK R_OK W_OK X_OK SEEK_SET SEEK_CUR SEEK_END waitpid wait WNOHANG WIFEXITED "
     "WEXITSTATUS WIFSIGNALED WTERMSIG waitstatus_to_exitcode getpgid setsid setpgrp killpg "
     "nice fstat fsync ftruncate lseek get_inheritable set_inheritable get_blocking "
     "set_blocking PathLike DirEntry stat_result terminal_size supports_fd "
     "supports_follow_symlinks supports_dir_fd supports_effective_ids getcwdb listxattr "
     "sched_getaffinity register_at_fork add_dll_directory startfile spawnv spawnl P_WAIT "
     "P_NOWAIT uname getloadavg sysconf confstr truncate mkfifo major minor makedev "
     "get_exec_path getgroups setuid setgid initgroups openpty login_tty"},
    {PAIR_AC_PYTHON, "os.path",
     "join exists isdir isfile dirname basename abspath realpath normpath splitext split "
     "expanduser expandvars isabs islink getsize getmtime getatime getctime relpath "
     "commonpath commonprefix normcase samefile sameopenfile samestat lexists ismount "
     "splitdrive sep altsep extsep pathsep curdir pardir defpath devnull "
     "supports_unicode_filenames isjunction splitroot"},
    {PAIR_AC_PYTHON, "path",
     "join exists isdir isfile dirname basename abspath realpath normpath splitext split "
     "expanduser expandvars isabs islink getsize getmtime relpath normcase commonpath "
     "commonprefix lexists ismount splitdrive samefile"},
    {PAIR_AC_PYTHON, "sys",
     "argv path modules stdout stderr stdin exit version version_info platform executable "
     "maxsize byteorder exc_info getrecursionlimit setrecursionlimit getdefaultencoding "
     "getfilesystemencoding getsizeof getrefcount flags implementation prefix exec_prefix "
     "base_prefix base_exec_prefix meta_path path_hooks path_importer_cache "
     "builtin_module_names stdlib_module_names float_info int_info hash_info maxunicode "
     "hexversion api_version copyright settrace gettrace setprofile getprofile _getframe "
     "intern audit addaudithook displayhook excepthook __stdout__ __stderr__ __stdin__ "
     "dont_write_bytecode warnoptions orig_argv platlibdir pycache_prefix is_finalizing "
     "exception last_value last_type last_traceback ps1 ps2 getswitchinterval "
     "setswitchinterval thread_info unraisablehook breakpointhook getwindowsversion winver "
     "float_repr_style call_tracing _current_frames getfilesystemencodeerrors "
     "get_asyncgen_hooks set_asyncgen_hooks get_int_max_str_digits set_int_max_str_digits"},
    {PAIR_AC_PYTHON, "re",
     "compile match search fullmatch sub subn split findall finditer escape purge error "
     "Pattern Match IGNORECASE MULTILINE DOTALL VERBOSE ASCII UNICODE LOCALE DEBUG NOFLAG I "
     "M S X A U L RegexFlag template"},
    {PAIR_AC_PYTHON, "warnings",
     "warn simplefilter filterwarnings catch_warnings resetwarnings showwarning "
     "formatwarning warn_explicit filters defaultaction onceregistry WarningMessage"},
    {PAIR_AC_PYTHON, "functools",
     "partial wraps reduce lru_cache cache cached_property total_ordering singledispatch "
     "singledispatchmethod update_wrapper partialmethod cmp_to_key WRAPPER_ASSIGNMENTS "
     "WRAPPER_UPDATES"},
    {PAIR_AC_PYTHON, "codecs",
     "lookup encode decode open getencoder getdecoder getincrementalencoder "
     "getincrementaldecoder getreader getwriter register unregister lookup_error "
     "register_error CodecInfo Codec IncrementalEncoder IncrementalDecoder StreamReader "
     "StreamWriter StreamReaderWriter StreamRecoder BufferedIncrementalEncoder "
     "BufferedIncrementalDecoder charmap_encode charmap_decode charmap_build BOM BOM_UTF8 "
     "BOM_UTF16 BOM_UTF16_LE BOM_UTF16_BE BOM_UTF32 BOM_UTF32_LE BOM_UTF32_BE BOM_LE BOM_BE "
     "utf_8_encode utf_8_decode utf_16_encode utf_16_decode latin_1_encode latin_1_decode "
     "ascii_encode ascii_decode escape_encode escape_decode strict_errors ignore_errors "
     "replace_errors xmlcharrefreplace_errors backslashreplace_errors namereplace_errors "
     "iterencode iterdecode EncodedFile make_identity_dict make_encoding_map"},
    {PAIR_AC_PYTHON, "collections",
     "namedtuple deque defaultdict OrderedDict Counter ChainMap UserDict UserList UserString "
     "abc"},
    {PAIR_AC_PYTHON, "abc",
     "ABC ABCMeta abstractmethod Mapping MutableMapping Sequence MutableSequence Set "
     "MutableSet Iterable Iterator Generator Callable Hashable Sized Container Collection "
     "Awaitable Coroutine AsyncIterable AsyncIterator AsyncGenerator KeysView ValuesView "
     "ItemsView MappingView Reversible ByteString Buffer abstractproperty abstractclassmethod "
     "abstractstaticmethod get_cache_token update_abstractmethods"},
    {PAIR_AC_PYTHON, "itertools",
     "chain islice count cycle repeat product permutations combinations "
     "combinations_with_replacement groupby zip_longest accumulate starmap takewhile "
     "dropwhile tee filterfalse compress pairwise batched"},
    {PAIR_AC_PYTHON, "json",
     "dumps loads dump load JSONDecodeError JSONEncoder JSONDecoder decoder encoder scanner"},
    {PAIR_AC_PYTHON, "time",
     "time sleep monotonic perf_counter process_time strftime strptime localtime gmtime "
     "mktime ctime asctime time_ns monotonic_ns perf_counter_ns process_time_ns thread_time "
     "timezone altzone daylight tzname struct_time get_clock_info clock_gettime "
     "CLOCK_MONOTONIC CLOCK_REALTIME tzset"},
    {PAIR_AC_PYTHON, "math",
     "floor ceil sqrt pow exp log log2 log10 log1p expm1 pi e inf nan tau isnan isinf isfinite "
     "isclose fabs fmod modf frexp ldexp gcd lcm factorial comb perm fsum prod trunc copysign "
     "hypot dist sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh atanh degrees "
     "radians isqrt ulp nextafter remainder erf erfc gamma lgamma cbrt exp2"},
    {PAIR_AC_PYTHON, "logging",
     "getLogger basicConfig debug info warning error critical exception log DEBUG INFO "
     "WARNING ERROR CRITICAL NOTSET Logger Handler StreamHandler FileHandler Formatter Filter "
     "LogRecord NullHandler LoggerAdapter handlers config root disable addLevelName "
     "getLevelName getLevelNamesMapping captureWarnings shutdown setLoggerClass "
     "getLoggerClass lastResort raiseExceptions WARN FATAL BASIC_FORMAT PercentStyle "
     "makeLogRecord setLogRecordFactory getLogRecordFactory Manager PlaceHolder"},
    {PAIR_AC_PYTHON, "subprocess",
     "run Popen PIPE STDOUT DEVNULL call check_call check_output CalledProcessError "
     "TimeoutExpired CompletedProcess SubprocessError getoutput getstatusoutput "
     "list2cmdline STARTUPINFO CREATE_NEW_CONSOLE"},
    {PAIR_AC_PYTHON, "shutil",
     "copy copy2 copyfile copytree rmtree move which copyfileobj copymode copystat "
     "disk_usage make_archive unpack_archive get_terminal_size chown ignore_patterns Error "
     "SameFileError get_archive_formats register_archive_format get_unpack_formats "
     "register_unpack_format ReadError"},
    {PAIR_AC_PYTHON, "socket",
     "socket AF_INET AF_INET6 AF_UNIX SOCK_STREAM SOCK_DGRAM SOCK_RAW SOL_SOCKET SO_REUSEADDR "
     "SO_REUSEPORT SO_KEEPALIVE SO_ERROR SO_RCVBUF SO_SNDBUF IPPROTO_TCP IPPROTO_UDP "
     "IPPROTO_IP IPPROTO_IPV6 TCP_NODELAY gethostname gethostbyname getaddrinfo getfqdn "
     "create_connection create_server timeout error gaierror herror inet_aton inet_ntoa "
     "inet_pton inet_ntop htons ntohs htonl ntohl socketpair fromfd getdefaulttimeout "
     "setdefaulttimeout SHUT_RDWR SHUT_RD SHUT_WR has_ipv6 getnameinfo gethostbyaddr "
     "getservbyname getprotobyname SOMAXCONN AF_UNSPEC AI_PASSIVE SocketType"},
    {PAIR_AC_PYTHON, "threading",
     "Thread Lock RLock Condition Event Semaphore BoundedSemaphore Timer Barrier "
     "current_thread main_thread get_ident get_native_id active_count enumerate local "
     "settrace setprofile excepthook TIMEOUT_MAX stack_size BrokenBarrierError "
     "ExceptHookArgs"},
    {PAIR_AC_PYTHON, "types",
     "SimpleNamespace FunctionType MethodType ModuleType MappingProxyType GeneratorType "
     "CoroutineType AsyncGeneratorType CodeType FrameType TracebackType BuiltinFunctionType "
     "BuiltinMethodType LambdaType NoneType new_class prepare_class resolve_bases coroutine "
     "GenericAlias UnionType DynamicClassAttribute MethodWrapperType WrapperDescriptorType "
     "MethodDescriptorType ClassMethodDescriptorType GetSetDescriptorType "
     "MemberDescriptorType CellType EllipsisType NotImplementedType"},
    {PAIR_AC_PYTHON, "typing",
     "Any Optional Union List Dict Tuple Set FrozenSet Callable Iterable Iterator Sequence "
     "Mapping Type TypeVar Generic Protocol Literal Final ClassVar NamedTuple TypedDict "
     "overload cast TYPE_CHECKING AnyStr NoReturn Never Self ParamSpec Concatenate Annotated "
     "get_type_hints get_origin get_args IO TextIO BinaryIO Pattern Match runtime_checkable "
     "final no_type_check TypeAlias TypeGuard Required NotRequired Unpack TypeVarTuple "
     "dataclass_transform override ForwardRef Hashable Sized Awaitable Coroutine "
     "AsyncIterator AsyncIterable Generator MutableMapping MutableSequence DefaultDict"},
    {PAIR_AC_PYTHON, "inspect",
     "signature Parameter Signature getmembers isclass isfunction ismethod ismodule "
     "iscoroutinefunction isgeneratorfunction isasyncgenfunction iscoroutine isawaitable "
     "isbuiltin isroutine isabstract getsource getsourcefile getsourcelines getfile "
     "getmodule getdoc cleandoc currentframe stack getframeinfo getattr_static unwrap "
     "getfullargspec getcallargs getmro getclosurevars isdatadescriptor "
     "ismethoddescriptor isgenerator istraceback isframe iscode BoundArguments CO_VARARGS "
     "CO_VARKEYWORDS CO_GENERATOR CO_COROUTINE getattr getmodulename getouterframes "
     "getinnerframes trace formatargvalues getargvalues isasyncgen markcoroutinefunction"},
    {PAIR_AC_PYTHON, "operator",
     "itemgetter attrgetter methodcaller add sub mul truediv floordiv mod neg pos not_ eq ne "
     "lt le gt ge and_ or_ xor contains getitem setitem delitem index concat is_ is_not truth "
     "abs invert lshift rshift pow iadd length_hint matmul call countOf indexOf"},
    {PAIR_AC_PYTHON, "struct",
     "pack unpack calcsize pack_into unpack_from iter_unpack Struct error"},
    {PAIR_AC_PYTHON, "io",
     "StringIO BytesIO TextIOWrapper BufferedReader BufferedWriter BufferedRandom "
     "BufferedRWPair FileIO IOBase RawIOBase BufferedIOBase TextIOBase open open_code "
     "SEEK_SET SEEK_CUR SEEK_END DEFAULT_BUFFER_SIZE UnsupportedOperation "
     "IncrementalNewlineDecoder text_encoding"},
    {PAIR_AC_PYTHON, "tempfile",
     "NamedTemporaryFile TemporaryDirectory TemporaryFile SpooledTemporaryFile mkdtemp "
     "mkstemp mktemp gettempdir gettempdirb gettempprefix tempdir"},
    {PAIR_AC_PYTHON, "traceback",
     "print_exc format_exc format_exception print_exception extract_stack extract_tb "
     "format_tb format_stack print_stack print_tb walk_tb walk_stack format_exception_only "
     "format_list print_last TracebackException StackSummary FrameSummary clear_frames"},
    {PAIR_AC_PYTHON, "string",
     "ascii_letters ascii_lowercase ascii_uppercase digits hexdigits octdigits punctuation "
     "whitespace printable Template Formatter capwords"},
    {PAIR_AC_PYTHON, "random",
     "random randint randrange choice choices shuffle sample uniform seed getrandbits gauss "
     "normalvariate Random SystemRandom getstate setstate triangular betavariate "
     "expovariate randbytes"},
    {PAIR_AC_PYTHON, "weakref",
     "ref proxy WeakKeyDictionary WeakValueDictionary WeakSet WeakMethod finalize "
     "getweakrefcount getweakrefs ReferenceType ProxyType CallableProxyType"},
    {PAIR_AC_PYTHON, "copy", "copy deepcopy error Error"},
    {PAIR_AC_PYTHON, "datetime",
     "datetime date time timedelta timezone tzinfo MINYEAR MAXYEAR UTC"},
    {PAIR_AC_PYTHON, "pickle",
     "dumps loads dump load Pickler Unpickler HIGHEST_PROTOCOL DEFAULT_PROTOCOL PickleError "
     "PicklingError UnpicklingError PickleBuffer"},
    {PAIR_AC_PYTHON, "contextlib",
     "contextmanager asynccontextmanager suppress closing redirect_stdout redirect_stderr "
     "ExitStack AsyncExitStack nullcontext AbstractContextManager "
     "AbstractAsyncContextManager ContextDecorator chdir aclosing"},
    {PAIR_AC_PYTHON, "dataclasses",
     "dataclass field fields asdict astuple replace make_dataclass is_dataclass Field "
     "FrozenInstanceError InitVar MISSING KW_ONLY"},
    {PAIR_AC_PYTHON, "enum",
     "Enum IntEnum Flag IntFlag auto unique StrEnum EnumMeta EnumType verify member "
     "nonmember global_enum property"},
    {PAIR_AC_PYTHON, "importlib",
     "import_module reload invalidate_caches util machinery resources metadata abc "
     "find_loader"},
    {PAIR_AC_PYTHON, "unittest",
     "TestCase main skip skipIf skipUnless expectedFailure mock TestSuite TestLoader "
     "TextTestRunner defaultTestLoader SkipTest IsolatedAsyncioTestCase FunctionTestCase "
     "TestResult addModuleCleanup"},
    {PAIR_AC_PYTHON, "mock",
     "patch Mock MagicMock call ANY sentinel DEFAULT create_autospec mock_open PropertyMock "
     "AsyncMock seal"},
    {PAIR_AC_PYTHON, "asyncio",
     "run sleep gather wait wait_for create_task get_event_loop get_running_loop "
     "new_event_loop set_event_loop ensure_future Future Task Queue Event Lock Semaphore "
     "Condition TimeoutError CancelledError InvalidStateError shield as_completed "
     "run_coroutine_threadsafe iscoroutine iscoroutinefunction open_connection start_server "
     "create_subprocess_exec create_subprocess_shell all_tasks current_task "
     "AbstractEventLoop Protocol BaseProtocol DatagramProtocol StreamReader StreamWriter "
     "timeout to_thread TaskGroup Runner FIRST_COMPLETED ALL_COMPLETED FIRST_EXCEPTION "
     "get_event_loop_policy set_event_loop_policy wrap_future isfuture subprocess events "
     "futures tasks coroutines"},
    {PAIR_AC_PYTHON, "heapq",
     "heappush heappop heapify heapreplace heappushpop nlargest nsmallest merge"},
    {PAIR_AC_PYTHON, "bisect", "bisect bisect_left bisect_right insort insort_left insort_right"},
    {PAIR_AC_PYTHON, "errno",
     "ENOENT EEXIST EACCES EPERM EINTR EAGAIN EWOULDBLOCK EINVAL EBADF EPIPE ECONNRESET "
     "ECONNREFUSED ENOTDIR EISDIR ENOTEMPTY ETIMEDOUT ENOSPC ENOMEM ESRCH ECHILD EXDEV "
     "EINPROGRESS EALREADY ENOTCONN ESHUTDOWN ECONNABORTED EADDRINUSE EADDRNOTAVAIL ENOSYS "
     "ENOTSUP EOPNOTSUPP EROFS EMFILE ENFILE ELOOP ENAMETOOLONG errorcode"},
    {PAIR_AC_PYTHON, "stat",
     "S_ISDIR S_ISREG S_ISLNK S_IMODE S_IFMT ST_MODE ST_MTIME ST_SIZE ST_INO ST_DEV S_IRUSR "
     "S_IWUSR S_IXUSR S_IRWXU S_IRGRP S_IWGRP S_IXGRP S_IRWXG S_IROTH S_IWOTH S_IXOTH S_IRWXO "
     "S_IFDIR S_IFREG S_IFLNK S_IFIFO S_IFSOCK S_IFCHR S_IFBLK S_ISUID S_ISGID S_ISVTX "
     "S_ISFIFO S_ISSOCK S_ISCHR S_ISBLK filemode UF_HIDDEN"},
    {PAIR_AC_PYTHON, "textwrap", "dedent indent fill wrap shorten TextWrapper"},
    {PAIR_AC_PYTHON, "glob", "glob iglob escape has_magic"},
    {PAIR_AC_PYTHON, "fnmatch", "fnmatch fnmatchcase filter translate"},
    {PAIR_AC_PYTHON, "hashlib",
     "sha256 sha1 md5 sha512 sha224 sha384 new blake2b blake2s sha3_256 sha3_512 "
     "algorithms_available algorithms_guaranteed pbkdf2_hmac file_digest"},
    {PAIR_AC_PYTHON, "base64",
     "b64encode b64decode urlsafe_b64encode urlsafe_b64decode standard_b64encode "
     "standard_b64decode b32encode b32decode b16encode b16decode a85encode a85decode "
     "b85encode b85decode encodebytes decodebytes"},
    {PAIR_AC_PYTHON, "platform",
     "system machine platform python_version release version node uname processor "
     "architecture mac_ver win32_ver libc_ver python_implementation freedesktop_os_release"},
    {PAIR_AC_PYTHON, "signal",
     "signal SIGINT SIGTERM SIGKILL SIGHUP SIGCHLD SIGALRM SIGUSR1 SIGUSR2 SIGPIPE SIGQUIT "
     "SIG_DFL SIG_IGN alarm getsignal pthread_kill pthread_sigmask set_wakeup_fd "
     "default_int_handler Signals raise_signal setitimer ITIMER_REAL SIGBREAK"},
    {PAIR_AC_PYTHON, "gc",
     "collect disable enable isenabled get_objects get_referrers get_referents garbage "
     "callbacks freeze get_count get_threshold set_threshold is_tracked"},
    {PAIR_AC_PYTHON, "locale",
     "setlocale getlocale getpreferredencoding LC_ALL LC_CTYPE LC_NUMERIC LC_TIME "
     "LC_COLLATE LC_MONETARY LC_MESSAGES localeconv format_string getencoding normalize "
     "strcoll strxfrm atof atoi currency Error"},
    {PAIR_AC_PYTHON, "decimal",
     "Decimal Context getcontext setcontext localcontext ROUND_HALF_UP ROUND_HALF_EVEN "
     "ROUND_DOWN ROUND_UP ROUND_FLOOR ROUND_CEILING InvalidOperation DivisionByZero"},
    {PAIR_AC_PYTHON, "parse",
     "urlparse urlunparse urljoin urlencode quote unquote quote_plus unquote_plus urlsplit "
     "urlunsplit parse_qs parse_qsl urldefrag unquote_to_bytes quote_from_bytes"},
    {PAIR_AC_PYTHON, "unicodedata",
     "name lookup category normalize decimal digit numeric bidirectional combining "
     "east_asian_width mirrored decomposition unidata_version is_normalized ucd_3_2_0"},
    {PAIR_AC_PYTHON, "ast",
     "parse literal_eval dump walk NodeVisitor NodeTransformer iter_fields iter_child_nodes "
     "get_docstring fix_missing_locations copy_location increment_lineno unparse Module "
     "Expr Name Load Store Del Constant Call Attribute FunctionDef AsyncFunctionDef ClassDef "
     "Assign AugAssign AnnAssign Return If For While With Import ImportFrom Expression "
     "Lambda Tuple List Dict Set Subscript Starred keyword arg arguments BinOp UnaryOp "
     "BoolOp Compare PyCF_ONLY_AST AST"},
    {PAIR_AC_PYTHON, "select",
     "select poll epoll kqueue POLLIN POLLOUT POLLERR POLLHUP POLLNVAL POLLPRI EPOLLIN "
     "EPOLLOUT EPOLLERR EPOLLHUP error"},
    {PAIR_AC_PYTHON, "zlib",
     "compress decompress compressobj decompressobj crc32 adler32 MAX_WBITS "
     "Z_DEFAULT_COMPRESSION Z_BEST_COMPRESSION Z_BEST_SPEED Z_SYNC_FLUSH Z_FINISH error"},
    {PAIR_AC_PYTHON, "builtins",
     "print open len str int list dict set tuple isinstance getattr setattr hasattr "
     "object type super range enumerate zip map filter sorted reversed iter next min max "
     "sum abs any all repr format hash id callable vars dir input exec eval compile "
     "__import__ Exception"},
    /* JavaScript and TypeScript */
    {PAIR_AC_JAVASCRIPT, "Object",
     "keys assign freeze defineProperty entries create values getPrototypeOf "
     "getOwnPropertyNames prototype getOwnPropertyDescriptor setPrototypeOf fromEntries is "
     "defineProperties getOwnPropertySymbols getOwnPropertyDescriptors isFrozen hasOwn seal "
     "isSealed preventExtensions isExtensible groupBy"},
    {PAIR_AC_JAVASCRIPT, "Object.prototype",
     "hasOwnProperty toString propertyIsEnumerable isPrototypeOf valueOf toLocaleString "
     "__proto__ constructor"},
    {PAIR_AC_JAVASCRIPT, "Array", "isArray from prototype of fromAsync"},
    {PAIR_AC_JAVASCRIPT, "Array.prototype",
     "slice push forEach map filter concat indexOf join splice some every reduce includes "
     "find findIndex sort reverse shift unshift pop flat flatMap fill lastIndexOf keys "
     "values entries at"},
    {PAIR_AC_JAVASCRIPT, "String", "fromCharCode fromCodePoint raw prototype"},
    {PAIR_AC_JAVASCRIPT, "String.prototype",
     "slice indexOf replace split trim toLowerCase toUpperCase charCodeAt charAt substring "
     "startsWith endsWith includes codePointAt match concat repeat padStart padEnd "
     "normalize localeCompare search trimStart trimEnd replaceAll at"},
    {PAIR_AC_JAVASCRIPT, "Number",
     "isInteger isFinite isNaN isSafeInteger parseFloat parseInt MAX_SAFE_INTEGER "
     "MIN_SAFE_INTEGER MAX_VALUE MIN_VALUE EPSILON POSITIVE_INFINITY NEGATIVE_INFINITY NaN "
     "prototype"},
    {PAIR_AC_JAVASCRIPT, "Promise",
     "resolve reject all allSettled race any prototype withResolvers try"},
    {PAIR_AC_JAVASCRIPT, "Symbol",
     "iterator for asyncIterator toStringTag hasInstance toPrimitive species keyFor "
     "isConcatSpreadable unscopables match matchAll replace search split description "
     "dispose asyncDispose prototype"},
    {PAIR_AC_JAVASCRIPT, "JSON", "stringify parse rawJSON isRawJSON"},
    {PAIR_AC_JAVASCRIPT, "Math",
     "max min floor round abs ceil random pow sqrt log sign trunc exp PI hypot log2 log10 "
     "sin cos tan atan2 atan asin acos imul clz32 fround cbrt log1p expm1 sinh cosh tanh "
     "asinh acosh atanh E LN2 LN10 LOG2E LOG10E SQRT2 SQRT1_2"},
    {PAIR_AC_JAVASCRIPT, "console",
     "log error warn info debug trace table dir assert group groupEnd groupCollapsed time "
     "timeEnd timeLog count countReset clear dirxml"},
    {PAIR_AC_JAVASCRIPT, "process",
     "env argv exit cwd platform nextTick stdout stderr stdin on pid version versions "
     "exitCode hrtime memoryUsage emitWarning arch execPath uptime kill once emit chdir "
     "release title ppid execArgv umask cpuUsage getuid getgid off removeListener "
     "listeners binding config features report resourceUsage"},
    {PAIR_AC_JAVASCRIPT, "process.env",
     "NODE_ENV DEBUG HOME PATH CI NODE_DEBUG TERM USER PWD SHELL TMPDIR TEMP NODE_OPTIONS "
     "FORCE_COLOR NO_COLOR LANG NODE_PATH USERPROFILE APPDATA PORT HOST TZ"},
    {PAIR_AC_JAVASCRIPT, "React",
     "createElement useState useEffect useRef useMemo useCallback useContext useReducer "
     "Fragment Component forwardRef memo createContext ReactNode useLayoutEffect "
     "ReactElement FC Children cloneElement isValidElement PureComponent createRef lazy "
     "Suspense StrictMode useId useSyncExternalStore useTransition useDeferredValue "
     "useImperativeHandle useDebugValue useInsertionEffect startTransition version "
     "ComponentType Dispatch SetStateAction ElementType ComponentProps PropsWithChildren "
     "RefObject MutableRefObject Context Ref ReactPortal JSX CSSProperties HTMLAttributes "
     "SyntheticEvent MouseEvent KeyboardEvent ChangeEvent FormEvent use act"},
    {PAIR_AC_JAVASCRIPT, "Reflect",
     "apply construct defineProperty deleteProperty get getOwnPropertyDescriptor "
     "getPrototypeOf has isExtensible ownKeys preventExtensions set setPrototypeOf"},
    {PAIR_AC_JAVASCRIPT, "Date", "now parse UTC prototype"},
    {PAIR_AC_JAVASCRIPT, "Buffer",
     "from alloc isBuffer concat byteLength allocUnsafe compare isEncoding poolSize "
     "allocUnsafeSlow prototype"},
    {PAIR_AC_JAVASCRIPT, "Error", "captureStackTrace stackTraceLimit prototype"},
    {PAIR_AC_JAVASCRIPT, "path",
     "join resolve dirname basename extname relative normalize isAbsolute sep delimiter "
     "parse format posix win32 toNamespacedPath"},
    {PAIR_AC_JAVASCRIPT, "fs",
     "readFileSync existsSync writeFileSync readdirSync statSync mkdirSync promises "
     "readFile writeFile createReadStream createWriteStream unlinkSync rmSync lstatSync "
     "realpathSync copyFileSync renameSync appendFileSync accessSync stat readdir mkdir "
     "unlink rm watch constants lstat realpath access rename copyFile rmdirSync "
     "openSync closeSync readSync writeSync fstatSync existsSync mkdtempSync symlinkSync "
     "readlinkSync chmodSync watchFile"},
    {PAIR_AC_JAVASCRIPT, "util",
     "inspect format promisify deprecate inherits isDeepStrictEqual types TextEncoder "
     "TextDecoder callbackify debuglog inspect styleText parseArgs"},
    {PAIR_AC_JAVASCRIPT, "assert",
     "ok equal strictEqual deepEqual deepStrictEqual notEqual notStrictEqual "
     "notDeepStrictEqual throws rejects doesNotThrow fail match isTrue isFalse isOk "
     "isNotOk isNull isUndefined isDefined typeOf instanceOf include exists lengthOf "
     "property sameMembers"},
    {PAIR_AC_JAVASCRIPT, "Intl",
     "DateTimeFormat NumberFormat Collator PluralRules RelativeTimeFormat ListFormat "
     "Locale Segmenter DisplayNames getCanonicalLocales supportedValuesOf"},
    {PAIR_AC_JAVASCRIPT, "document",
     "createElement getElementById querySelector body querySelectorAll documentElement "
     "createTextNode addEventListener head createDocumentFragment createElementNS "
     "activeElement title cookie readyState defaultView removeEventListener "
     "getElementsByTagName getElementsByClassName createRange getSelection createComment "
     "implementation location hidden visibilityState"},
    {PAIR_AC_JAVASCRIPT, "window",
     "addEventListener location removeEventListener setTimeout document navigator "
     "innerWidth innerHeight getComputedStyle requestAnimationFrame localStorage history "
     "scrollTo open devicePixelRatio matchMedia clearTimeout getSelection scrollY "
     "scrollX parent top self performance crypto postMessage"},
    {PAIR_AC_JAVASCRIPT, "Atomics",
     "add and compareExchange exchange isLockFree load notify or store sub wait waitAsync "
     "xor"},
    /* C++ */
    {PAIR_AC_CPP, "std",
     "string vector move size_t unique_ptr forward make_unique shared_ptr map pair function "
     "cout endl make_shared min max swap array optional set unordered_map runtime_error "
     "string_view tuple get is_same_v enable_if_t nullptr_t cerr begin end sort find "
     "find_if make_pair to_string atomic mutex lock_guard unique_lock thread "
     "condition_variable chrono numeric_limits initializer_list invalid_argument "
     "out_of_range logic_error exception list deque queue priority_queue stack bitset "
     "unordered_set ostream istream ostringstream istringstream stringstream ifstream "
     "ofstream fstream copy fill transform accumulate for_each remove remove_if count "
     "count_if any_of all_of none_of reverse lower_bound upper_bound equal_range "
     "binary_search distance advance next prev iterator_traits reverse_iterator "
     "back_inserter is_same enable_if decay_t remove_reference_t remove_cv_t "
     "remove_cvref_t conditional_t declval integral_constant true_type false_type "
     "is_integral is_integral_v is_pointer is_base_of is_convertible is_convertible_v "
     "is_constructible is_trivially_copyable is_void underlying_type_t conditional decay "
     "remove_reference add_pointer variant visit holds_alternative monostate nullopt "
     "in_place ref cref reference_wrapper bind invoke hash less greater equal_to "
     "max_element min_element unique iota memcpy strlen abs uint8_t uint16_t uint32_t "
     "uint64_t int8_t int16_t int32_t int64_t ptrdiff_t byte allocator allocator_traits "
     "addressof construct_at destroy_at launder terminate exit abort getline stoi stol "
     "stoul stoll stod error_code system_error errc error_category generic_category "
     "exception_ptr current_exception rethrow_exception make_exception_ptr "
     "bad_alloc bad_cast length_error domain_error overflow_error range_error "
     "basic_string char_traits weak_ptr static_pointer_cast dynamic_pointer_cast "
     "default_delete pointer_traits integer_sequence index_sequence make_index_sequence "
     "tuple_size tuple_element apply forward_as_tuple tie make_tuple piecewise_construct "
     "is_nothrow_move_constructible is_trivially_destructible is_default_constructible "
     "is_copy_constructible is_move_constructible is_assignable is_enum is_class "
     "is_arithmetic is_floating_point is_signed is_unsigned is_const is_reference "
     "is_lvalue_reference is_rvalue_reference is_function is_array is_empty "
     "is_nothrow_constructible is_nothrow_copy_constructible remove_pointer_t "
     "remove_extent add_const add_lvalue_reference add_rvalue_reference make_signed "
     "make_unsigned common_type void_t invoke_result_t result_of aligned_storage "
     "alignment_of size ssize data empty memory_order memory_order_relaxed "
     "memory_order_acquire memory_order_release memory_order_seq_cst "
     "memory_order_acq_rel numeric_limits fill_n copy_n move_backward copy_backward "
     "uninitialized_copy uninitialized_fill equal mismatch search rotate partition "
     "stable_sort nth_element partial_sort merge inplace_merge set_union "
     "set_intersection set_difference includes lexicographical_compare "
     "is_sorted minmax clamp gcd lcm exchange as_const move_if_noexcept "
     "format printf snprintf isspace isdigit isalpha tolower toupper"},
    /* Go */
    {PAIR_AC_GO, "fmt",
     "Println Printf Sprintf Errorf Fprintf Sprint Print Fprintln Fprint Sprintln Sscanf "
     "Sscan Fscan Scanf Stringer Formatter State Append Appendf"},
    {PAIR_AC_GO, "strings",
     "Contains HasPrefix Join Split TrimSpace Replace HasSuffix ToLower TrimPrefix "
     "TrimSuffix Index Builder Fields ReplaceAll ToUpper Trim NewReader Repeat EqualFold "
     "SplitN Count LastIndex IndexByte TrimRight TrimLeft Title Map NewReplacer Cut "
     "ContainsAny ContainsRune IndexAny IndexRune FieldsFunc TrimFunc Compare Reader"},
    {PAIR_AC_GO, "errors", "New Is As Unwrap Join ErrUnsupported"},
    {PAIR_AC_GO, "os",
     "Exit Args Getenv Stdout Stderr Stdin Open Create ReadFile WriteFile Remove RemoveAll "
     "MkdirAll Stat IsNotExist Getwd Environ LookupEnv Setenv OpenFile Mkdir Rename Lstat "
     "IsExist ErrNotExist File FileInfo FileMode Getpid Hostname TempDir MkdirTemp "
     "CreateTemp ReadDir Chdir Chmod Executable UserHomeDir Expand ExpandEnv Unsetenv "
     "O_RDONLY O_WRONLY O_RDWR O_CREATE O_TRUNC O_APPEND O_EXCL ModePerm PathSeparator "
     "Interrupt Kill Signal Process StartProcess FindProcess DevNull Pipe Symlink Readlink"},
    {PAIR_AC_GO, "strconv",
     "Itoa Atoi ParseInt ParseFloat ParseBool FormatInt Quote Unquote FormatFloat AppendInt "
     "ParseUint FormatUint FormatBool QuoteRune AppendQuote ErrSyntax ErrRange NumError"},
    {PAIR_AC_GO, "bytes",
     "Buffer NewBuffer NewReader Equal Contains HasPrefix Split Join TrimSpace NewBufferString "
     "Index IndexByte HasSuffix Compare Fields TrimRight ToLower Repeat Reader"},
    {PAIR_AC_GO, "io",
     "Reader Writer EOF ReadAll Copy WriteString Discard Pipe ReadFull MultiWriter NopCloser "
     "ReadCloser WriteCloser Closer ReadWriter ErrUnexpectedEOF CopyN LimitReader "
     "TeeReader MultiReader ReaderFrom WriterTo ReadSeeker SeekStart SeekEnd SeekCurrent"},
    {PAIR_AC_GO, "sync", "Mutex WaitGroup RWMutex Once Map Pool Cond Locker OnceFunc"},
    {PAIR_AC_GO, "time",
     "Now Since Second Duration Millisecond Sleep Time Minute Hour Microsecond Nanosecond "
     "Tick NewTimer NewTicker After AfterFunc Unix Parse RFC3339 Until Date UTC Local "
     "ParseDuration Month Weekday Timer Ticker January Kitchen RFC1123 UnixMilli"},
    {PAIR_AC_GO, "filepath",
     "Join Base Dir Ext Abs Walk WalkDir Clean Rel Split Glob Match ToSlash FromSlash "
     "Separator EvalSymlinks IsAbs VolumeName SkipDir SplitList"},
    {PAIR_AC_GO, "sort",
     "Slice Strings Ints Sort SliceStable Search Stable Sort Interface Float64s "
     "SearchInts StringSlice IntSlice Reverse SliceIsSorted IsSorted"},
    {PAIR_AC_GO, "json",
     "Marshal Unmarshal NewEncoder NewDecoder MarshalIndent RawMessage Valid Indent "
     "Compact Number Marshaler Unmarshaler"},
    {PAIR_AC_GO, "exec", "Command CommandContext LookPath Cmd ExitError ErrNotFound"},
    {PAIR_AC_GO, "log",
     "Fatal Fatalf Println Printf Print Panic Panicf Fatalln SetFlags SetOutput SetPrefix "
     "New Logger LstdFlags Lshortfile Default"},
    {PAIR_AC_GO, "context",
     "Context Background TODO WithCancel WithTimeout WithValue WithDeadline Canceled "
     "DeadlineExceeded CancelFunc WithCancelCause Cause"},
    {PAIR_AC_GO, "bufio",
     "NewReader NewScanner NewWriter ScanLines ScanWords Scanner Reader Writer ScanRunes "
     "NewReaderSize NewWriterSize MaxScanTokenSize ReadWriter"},
    {PAIR_AC_GO, "http",
     "HandleFunc ListenAndServe Get Post NewRequest StatusOK Error ResponseWriter Request "
     "Client Server Handler HandlerFunc Header StatusNotFound StatusBadRequest "
     "StatusInternalServerError DefaultClient NewServeMux MethodGet MethodPost Cookie "
     "Redirect NotFound StatusMethodNotAllowed StatusUnauthorized StatusForbidden"},
    {PAIR_AC_GO, "regexp", "MustCompile Compile MatchString QuoteMeta Regexp Match"},
    {PAIR_AC_GO, "reflect",
     "TypeOf ValueOf DeepEqual Value Type Kind Ptr Struct Slice Map String Int Interface "
     "Indirect New Zero MakeSlice Pointer Func Bool"},
    {PAIR_AC_GO, "atomic",
     "AddInt64 LoadInt64 StoreInt64 CompareAndSwapInt64 AddInt32 LoadInt32 StoreInt32 "
     "Value Int64 Int32 Bool Pointer Uint64"},
    {PAIR_AC_GO, "unicode",
     "IsSpace IsLetter IsDigit IsUpper IsLower ToUpper ToLower IsPunct IsNumber IsPrint "
     "IsControl MaxRune"},
    {PAIR_AC_GO, "path", "Join Base Dir Ext Clean Split Match IsAbs"},
    {PAIR_AC_GO, "url", "Parse QueryEscape PathEscape Values URL QueryUnescape ParseQuery"},
    {PAIR_AC_GO, "flag",
     "String Bool Int Parse Args Arg StringVar BoolVar IntVar Usage NArg PrintDefaults "
     "Duration NewFlagSet ExitOnError ContinueOnError FlagSet"},
    {PAIR_AC_GO, "testing", "T B M TB Short Verbose Benchmark Main"},
    {PAIR_AC_GO, "math",
     "Max Min Abs Floor Ceil Sqrt Pow MaxInt64 MaxInt32 MaxInt Inf NaN IsNaN IsInf Log "
     "Round Trunc Mod Exp Pi MaxUint32 MaxFloat64 MinInt64"},
};

const char *
pair_ac_receiver_members(enum pair_ac_lang lang, const char *name, size_t len)
{
    if (lang == PAIR_AC_TYPESCRIPT)
        lang = PAIR_AC_JAVASCRIPT;
    for (size_t i = 0; i < sizeof(receivers) / sizeof(receivers[0]); i++)
        if (receivers[i].lang == lang && strlen(receivers[i].name) == len &&
            memcmp(receivers[i].name, name, len) == 0)
            return receivers[i].members;
    return NULL;
}
